import { WISHLIST_MAX_WISHES, type WishlistAddRequest, type WishlistMineResponse } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { conflict, unprocessable } from '../errors/AppError';
import type { Principal } from '../http/context';
import type { TextCheckContext } from '../moderation/textContext';
import { MallItemModel } from '../mall/MallItem.model';
import { checkWishText } from './checkWishTexts';
import { ensureWishlist, presentMine } from './wishlistMine';
import { WishlistModel } from './Wishlist.model';

/**
 * Appends a wish; the cap of 10 holds because the push only matches a list with fewer wishes. Its text and note
 * are checked before anything is stored (risky → 422; review or no answer → stored held from friends).
 */
export async function addWish(principal: Principal, input: WishlistAddRequest, context: TextCheckContext): Promise<WishlistMineResponse> {
  const { memberId } = principal;
  const { now } = context;
  let itemId: Types.ObjectId | null = null;
  if (input.kind === 'item') {
    if (!isValidObjectId(input.itemId)) throw unprocessable('WISH_ITEM_UNAVAILABLE');
    const item = await MallItemModel.findOne({ _id: input.itemId, status: 'active' }, { _id: 1 }).lean();
    if (!item) throw unprocessable('WISH_ITEM_UNAVAILABLE');
    itemId = item._id;
  }
  const checkedText = input.kind === 'text' ? await checkWishText(principal, input.text, context) : null;
  const checkedNote = input.note ? await checkWishText(principal, input.note, context) : null;
  await ensureWishlist(memberId, now);
  const wish = {
    _id: new Types.ObjectId(),
    kind: input.kind,
    itemId,
    text: checkedText?.content ?? null,
    note: checkedNote?.content ?? null,
    textReview: checkedText?.held ?? null,
    noteReview: checkedNote?.held ?? null,
    createdAt: now,
  };
  const updated = await WishlistModel.findOneAndUpdate(
    { _id: new Types.ObjectId(memberId), [`wishes.${WISHLIST_MAX_WISHES - 1}`]: { $exists: false } },
    { $push: { wishes: wish }, $inc: { version: 1 }, $set: { updatedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw conflict('WISHLIST_FULL');
  return presentMine(updated, now);
}
