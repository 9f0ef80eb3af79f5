import { isPickupKind, limitPeriodKey, ORDER_PAYMENT_WINDOW_MINUTES, tierAllows, toBusinessIso } from '@cakeday/shared';
import { randomBytes } from 'node:crypto';
import { isValidObjectId, Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../errors/AppError';
import { MallItemModel, type MallItem } from '../mall/MallItem.model';
import { MemberModel } from '../members/Member.model';
import { advanceOrder } from './advanceOrder';
import { MallOrderModel, type MallOrder, type StoredPickup } from './MallOrder.model';
import { pickupAtStore } from './pickupStore';
import { crashPoint, type OrderContext } from './orderContext';
import { orderCouponFor } from './quoteOrderCoupon';
import { scheduleOnEntering } from './sweepSchedule';

export interface PlaceOrderInput {
  buyerMemberId: string;
  itemId: string;
  qty: number;
  /** Unique per buyer and checkout attempt. */
  idempotencyKey: string;
  /** A gift: the coupon / pickup code goes to this member; the buyer pays (points and cash) and earns. */
  recipientMemberId?: string;
  /** E.g. the wish id the gift fulfils. */
  giftRef?: string;
  /** The buyer's coupon taken off the cash part (quoteOrderCoupon.ts); held by the order until it is paid. */
  couponId?: string;
  /** The store chosen to collect a pickup item at (ignored for other kinds). */
  storeId?: string;
}

function newOrderNo(now: Date): string {
  const stamp = toBusinessIso(now).replace(/\D/g, '').slice(2, 14); // YYMMDDhhmmss in Shanghai
  return `M${stamp}${randomBytes(5).toString('hex').toUpperCase()}`;
}

function isVisible(item: MallItem, now: Date): boolean {
  return item.status === 'active' && (!item.visibleFrom || item.visibleFrom <= now) && (!item.visibleTo || now < item.visibleTo);
}

/** A refused order answers every retry with the refusal it met. */
function outcome(order: MallOrder): MallOrder {
  if (order.status === 'cancelled' && order.failureCode) throw new AppError(409, order.failureCode as 'MALL_SOLD_OUT');
  return order;
}

async function resume(existing: MallOrder, input: PlaceOrderInput, context: OrderContext): Promise<MallOrder> {
  const same =
    existing.itemId.equals(input.itemId) &&
    existing.qty === input.qty &&
    (existing.recipientMemberId?.toHexString() ?? null) === (input.recipientMemberId ?? null) &&
    (existing.coupon?.couponId.toHexString() ?? null) === (input.couponId ?? null) &&
    (!existing.pickup || input.storeId === undefined || existing.pickup.storeId.equals(input.storeId));
  if (!same) throw conflict('IDEMPOTENCY_KEY_REUSED');
  return outcome(await advanceOrder(existing, context));
}

/**
 * Creates the order once per (buyer, idempotencyKey) and advances it: points held, stock reserved, then
 * prepay (cash part) or fulfilment. Used by mall.redeem and by wishlist gifts.
 */
export async function placeOrder(input: PlaceOrderInput, context: OrderContext): Promise<MallOrder> {
  if (!isValidObjectId(input.itemId)) throw notFound();
  const buyerId = new Types.ObjectId(input.buyerMemberId);
  const existing = await MallOrderModel.findOne({ buyerMemberId: buyerId, idempotencyKey: input.idempotencyKey }).lean();
  if (existing) return resume(existing, input, context);

  const item = await MallItemModel.findById(input.itemId).lean();
  if (!item) throw notFound();
  if (!isVisible(item, context.now)) throw conflict('MALL_ITEM_UNAVAILABLE');
  const buyer = await MemberModel.findOne({ _id: buyerId, status: 'active' }, { tier: 1, birthday: 1, birthdayHistory: 1 }).lean();
  if (!buyer) throw notFound();
  if (!tierAllows(buyer.tier.level, item.tierRequired)) throw forbidden('MALL_TIER_REQUIRED');
  let recipient: Types.ObjectId | null = null;
  if (input.recipientMemberId !== undefined) {
    const found = isValidObjectId(input.recipientMemberId) && input.recipientMemberId !== input.buyerMemberId
      ? await MemberModel.exists({ _id: input.recipientMemberId, status: 'active' })
      : null;
    if (!found) throw unprocessable('GIFT_RECIPIENT_INVALID');
    recipient = new Types.ObjectId(input.recipientMemberId);
  }
  if (item.stock < input.qty) throw conflict('MALL_SOLD_OUT');
  if (input.qty > item.limitPerMember) throw conflict('MALL_LIMIT_REACHED');

  const now = context.now;
  const pickup: StoredPickup | null =
    isPickupKind(item.kind) && input.storeId !== undefined ? await pickupAtStore(input.storeId, { now, holdDays: context.settings.settings.pickup.holdDays }) : null;
  const cashBeforeFen = item.cashFen * input.qty;
  const coupon = input.couponId === undefined ? null : await orderCouponFor(buyer, input.couponId, cashBeforeFen, context);
  // A coupon that takes the whole cash part leaves a points-only order: nothing is asked of WeChat Pay.
  const cashTotalFen = cashBeforeFen - (coupon?.discountFen ?? 0);
  let order: MallOrder;
  try {
    const created = await MallOrderModel.create({
      orderNo: newOrderNo(now),
      buyerMemberId: buyerId,
      recipientMemberId: recipient,
      giftRef: input.giftRef ?? null,
      idempotencyKey: input.idempotencyKey,
      itemId: item._id,
      item: { title: item.title, coverImage: item.images[0] ?? '', kind: item.kind, couponTemplateCode: item.couponTemplateCode },
      qty: input.qty,
      pointsTotal: item.pointsPrice * input.qty,
      cashTotalFen,
      coupon,
      limitKey: `${input.buyerMemberId}:${item._id.toHexString()}:${limitPeriodKey(item.limitPeriod, now)}`,
      status: 'created',
      failureCode: null,
      paymentDeadline: cashTotalFen > 0 ? new Date(now.getTime() + ORDER_PAYMENT_WINDOW_MINUTES * 60_000) : null,
      prepay: null,
      payment: null,
      fulfilment: null,
      pickup,
      pointsEarned: 0,
      cancelReason: null,
      refund: null,
      flags: [],
      history: [{ status: 'created', at: now, by: null }],
      createdAt: now,
      updatedAt: now,
      paidAt: null,
      fulfilledAt: null,
      cancelledAt: null,
      refundedAt: null,
      settingsVersion: context.settings.version,
      ...scheduleOnEntering('created', now),
    });
    order = created.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const stored = await MallOrderModel.findOne({ buyerMemberId: buyerId, idempotencyKey: input.idempotencyKey }).lean();
    if (!stored) throw error;
    return resume(stored, input, context);
  }
  crashPoint(context, 'created');
  return outcome(await advanceOrder(order, context, item));
}
