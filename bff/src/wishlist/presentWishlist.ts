import { formatFen, toBusinessIso, type Wish } from '@cakeday/shared';
import { Types } from 'mongoose';
import { MallItemModel, type MallItem } from '../mall/MallItem.model';
import { MemberModel } from '../members/Member.model';
import { MallOrderModel, type MallOrder } from '../orders/MallOrder.model';
import { PERSON_FIELDS, presentPerson } from '../referral/presentPerson';
import type { StoredWish, Wishlist } from './Wishlist.model';

const PENDING_STATUSES = ['created', 'points_held', 'stock_reserved', 'awaiting_payment', 'paid'];

/** Gift orders for the owner's wishes: fulfilled ones fulfil the wish; open ones show it as being gifted. */
async function giftOrders(wishlist: Wishlist): Promise<MallOrder[]> {
  const refs = wishlist.wishes.map((wish) => wish._id.toHexString());
  if (refs.length === 0) return [];
  return MallOrderModel.find({ recipientMemberId: wishlist._id, giftRef: { $in: refs } }).lean();
}

function reviewedParts(wish: StoredWish): Wish['inReview'] {
  return [...(wish.textReview ? (['text'] as const) : []), ...(wish.noteReview ? (['note'] as const) : [])];
}

export async function presentWishes(wishlist: Wishlist, audience: 'owner' | 'friend'): Promise<Wish[]> {
  const itemIds = wishlist.wishes.flatMap((wish) => (wish.itemId ? [wish.itemId] : []));
  const [items, orders] = await Promise.all([
    itemIds.length ? MallItemModel.find({ _id: { $in: itemIds } }).lean() : Promise.resolve<MallItem[]>([]),
    giftOrders(wishlist),
  ]);
  const fulfilledBy = new Map<string, MallOrder>();
  const pending = new Set<string>();
  for (const order of orders) {
    if (!order.giftRef) continue;
    if (order.status === 'fulfilled') fulfilledBy.set(order.giftRef, order);
    else if (PENDING_STATUSES.includes(order.status)) pending.add(order.giftRef);
  }
  const giverIds = [...fulfilledBy.values()].map((order) => order.buyerMemberId);
  const givers = audience === 'owner' && giverIds.length
    ? await MemberModel.find({ _id: { $in: giverIds.map((id) => new Types.ObjectId(id)) } }, PERSON_FIELDS).lean()
    : [];
  // Friends never see a text held for review: a text wish is left out, a held note is blank.
  const shown = audience === 'owner' ? wishlist.wishes : wishlist.wishes.filter((wish) => !wish.textReview);
  return shown.map((wish, position) => {
    const id = wish._id.toHexString();
    const item = wish.itemId ? items.find((candidate) => candidate._id.equals(wish.itemId ?? undefined)) : undefined;
    // A friend pays the cash price only, so only cash-priced items (no points part) can be gifted.
    const onSale = item !== undefined && item.status === 'active' && item.cashFen > 0 && item.pointsPrice === 0;
    const fulfilment = fulfilledBy.get(id);
    const giver = fulfilment ? givers.find((member) => member._id.equals(fulfilment.buyerMemberId)) : undefined;
    return {
      id,
      kind: wish.kind,
      item: item
        ? { itemId: item._id.toHexString(), title: item.title, imageUrl: item.images[0] ?? null, priceFen: item.cashFen, priceText: formatFen(item.cashFen), onSale }
        : null,
      text: wish.text,
      note: audience === 'friend' && wish.noteReview ? null : wish.note,
      inReview: audience === 'owner' ? reviewedParts(wish) : [],
      position,
      fulfilled: fulfilment !== undefined,
      fulfilledAt: fulfilment?.fulfilledAt ? toBusinessIso(fulfilment.fulfilledAt) : null,
      giver: audience === 'owner' && fulfilment ? presentPerson(giver ?? null) : null,
      giftPending: pending.has(id),
      giftable: wish.kind === 'item' && onSale && fulfilment === undefined && !pending.has(id),
      createdAt: toBusinessIso(wish.createdAt),
    };
  });
}
