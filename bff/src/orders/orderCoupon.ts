import { TERMINAL_ORDER_STATUSES } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import { recordCouponUsed } from '../writeoff/recordCouponUsed';
import { MallOrderModel, type MallOrder } from './MallOrder.model';

/**
 * The order's coupon through its life, each step one conditional write on the coupon that names the order, so a
 * retry, the sweeper or a concurrent duplicate has the effect of running it once. A coupon has one holder field,
 * so it cannot be held by two orders: the second order's hold finds it no longer available.
 */
type CouponOf = Pick<MallOrder, '_id' | 'buyerMemberId' | 'coupon'>;

const heldBy = (order: CouponOf) => ({ _id: order.coupon?.couponId, memberId: order.buyerMemberId, heldByOrderId: order._id });

/** available → held by this order, while it is still valid; true when this order holds it (now or already). */
export async function holdCoupon(order: CouponOf, now: Date): Promise<boolean> {
  if (!order.coupon) return true;
  const held = await CouponModel.updateOne(
    { _id: order.coupon.couponId, memberId: order.buyerMemberId, status: 'available', validFrom: { $lte: now }, validUntil: { $gt: now } },
    { $set: { status: 'held', heldByOrderId: order._id, updatedAt: now } },
  );
  if (held.modifiedCount === 1) return true;
  return (await CouponModel.countDocuments({ ...heldBy(order), status: { $in: ['held', 'used'] } })) === 1;
}

/** held by this order → available again (the order was cancelled, closed unpaid or failed). */
export async function releaseCoupon(order: CouponOf, now: Date): Promise<void> {
  if (!order.coupon) return;
  await CouponModel.updateOne({ ...heldBy(order), status: 'held' }, { $set: { status: 'available', heldByOrderId: null, updatedAt: now } });
}

/**
 * held by this order → used (the order is fulfilled: paid, or points-only after the coupon took the cash to 0), and
 * its use recorded once for analytics (keyed by the coupon, so a retry records nothing twice).
 */
export async function useCoupon(order: CouponOf, now: Date): Promise<void> {
  if (!order.coupon) return;
  await CouponModel.updateOne({ ...heldBy(order), status: 'held' }, { $set: { status: 'used', usedAt: now, updatedAt: now } });
  await recordCouponUsed(order.coupon.couponId, now);
}

/**
 * A refunded order gives its coupon back while the coupon is still valid; past its validity it stays 已使用 (as at the
 * till: a refund restores a coupon only if it could still be used).
 */
export async function restoreCoupon(order: CouponOf, now: Date): Promise<void> {
  if (!order.coupon) return;
  await CouponModel.updateOne(
    { ...heldBy(order), status: 'used', validUntil: { $gt: now } },
    { $set: { status: 'available', heldByOrderId: null, usedAt: null, updatedAt: now } },
  );
}

/**
 * The repair: a coupon left held by an order that is already final (a crash between the order's move and the
 * coupon's, or a hold that raced with a cancellation) is used if the order was fulfilled and released otherwise.
 * Returns how many it settled.
 */
export async function settleHeldCoupons(now: Date): Promise<number> {
  const held = await CouponModel.find({ status: 'held' }, { _id: 1, memberId: 1, heldByOrderId: 1 }).limit(500).lean();
  let settled = 0;
  for (const coupon of held) {
    const order = coupon.heldByOrderId ? await MallOrderModel.findById(coupon.heldByOrderId, { status: 1, buyerMemberId: 1, coupon: 1 }).lean() : null;
    if (order && !TERMINAL_ORDER_STATUSES.includes(order.status)) continue;
    if (order?.status === 'fulfilled' && order.coupon?.couponId.equals(coupon._id)) await useCoupon(order, now);
    else if (order?.status === 'refunded' && order.coupon?.couponId.equals(coupon._id)) {
      await useCoupon(order, now);
      await restoreCoupon(order, now);
    } else {
      await CouponModel.updateOne({ _id: coupon._id, status: 'held', heldByOrderId: coupon.heldByOrderId }, { $set: { status: 'available', heldByOrderId: null, updatedAt: now } });
    }
    settled += 1;
  }
  return settled;
}
