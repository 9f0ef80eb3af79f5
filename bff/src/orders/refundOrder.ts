import type { Types } from 'mongoose';
import { AppError, conflict } from '../errors/AppError';
import { CouponModel } from '../coupons/Coupon.model';
import { reversePoints } from '../points/reversePoints';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { settleReferralForOrder } from '../referral/settleReferralForOrder';
import { recordPaidSpend } from '../tiers/recordPaidSpend';
import { loadOrderFor } from './loadOrderFor';
import { MallOrderModel, type MallOrder, type RefundRequest } from './MallOrder.model';
import { couponSourceOf, crashPoint, outRefundNo, pointsClawbackKey, pointsEarnKey, refundSpendKey, type OrderContext } from './orderContext';
import { restoreCoupon } from './orderCoupon';
import { returnPoints } from './orderPoints';
import { flagOrder } from './recordPayment';
import { releaseLimit, restockRefunded } from './orderSteps';
import { recordOrderRefunded } from './orderEvents';
import { reloadOrder, transitionOrder, type TransitionExtras } from './transitionOrder';

const couponKeys = (order: MallOrder): string[] => Array.from({ length: order.qty }, (_, unit) => `${order._id.toHexString()}:${unit}`);

/** Who claims a refund and what the claiming write carries besides (an ops audit entry's position). */
export interface RefundClaim {
  request: RefundRequest;
  extras?: TransitionExtras;
}

/** fulfilled → refunding, only while nothing was used: the coupons are voided (conditionally) or the pickup is unused. */
export async function claimRefund(order: MallOrder, context: OrderContext, claim: RefundClaim): Promise<MallOrder> {
  const unusedPickup = order.fulfilment?.type === 'pickup' ? { 'fulfilment.usedAt': null } : {};
  const claimed = await transitionOrder(order._id, ['fulfilled'], 'refunding', context.now, { refundRequest: claim.request }, unusedPickup, claim.extras);
  if (!claimed) throw conflict('ORDER_NOT_REFUNDABLE');
  if (order.fulfilment?.type === 'coupon') {
    // The holder leads the key, as in the coupons' unique index (one member's coupons, one shard).
    const issued = { memberId: order.recipientMemberId ?? order.buyerMemberId, source: couponSourceOf(order), sourceKey: { $in: couponKeys(order) } };
    await CouponModel.updateMany({ ...issued, status: 'available' }, { $set: { status: 'void', updatedAt: context.now } });
    const used = await CouponModel.countDocuments({ ...issued, status: { $nin: ['void'] } });
    if (used > 0) {
      // A coupon was written off in between: the order stays fulfilled, the others come back.
      await CouponModel.updateMany({ ...issued, status: 'void' }, { $set: { status: 'available', updatedAt: context.now } });
      await transitionOrder(order._id, ['refunding'], 'fulfilled', context.now, {}, {}, { by: claim.extras?.by });
      throw conflict('ORDER_NOT_REFUNDABLE');
    }
  }
  return claimed;
}

async function clawBack(order: MallOrder, context: OrderContext): Promise<void> {
  const id = order._id.toHexString();
  const earned = await PointsEntryModel.findOne({ key: pointsEarnKey(id), state: 'applied' }, { _id: 1 }).lean();
  if (earned) {
    await reversePoints(
      { memberId: order.buyerMemberId.toHexString(), reversesKey: pointsEarnKey(id), idempotencyKey: pointsClawbackKey(id), reasonCode: 'mall_refund_clawback', reason: `订单退款，收回所得积分：${order.item.title}`, reference: { type: 'mall_order', id } },
      { now: context.now, queue: context.queue },
    );
  }
  if (order.payment && order.payment.amountFen > 0) {
    await recordPaidSpend(
      { memberId: order.buyerMemberId.toHexString(), amountFen: -order.payment.amountFen, idempotencyKey: refundSpendKey(id), paidAt: context.now, reference: order.orderNo },
      { now: context.now, thresholds: context.settings.settings.tiers },
    );
  }
}

/**
 * Finishes a refunding order: the cash refund (if any) must have succeeded, then the points spent come back and the
 * points earned go, the coupon used on it comes back (if still valid), the unused units return to stock and the member's limit is released. Each step runs once.
 */
export async function finishRefund(orderId: Types.ObjectId, context: OrderContext): Promise<MallOrder> {
  let order = await reloadOrder(orderId);
  if (order.status !== 'refunding') return order;
  if (order.cashTotalFen > 0) {
    const number = outRefundNo(order.orderNo);
    let status = order.refund?.status ?? null;
    if (status !== 'SUCCESS') {
      const refund = order.refund
        ? await context.pay.queryRefund(number)
        : await context.pay.refund({ outTradeNo: order.orderNo, outRefundNo: number, refundFen: order.cashTotalFen, totalFen: order.cashTotalFen, reason: '积分商城订单退款' });
      const result = refund ?? (await context.pay.refund({ outTradeNo: order.orderNo, outRefundNo: number, refundFen: order.cashTotalFen, totalFen: order.cashTotalFen }));
      status = result.status;
      const reason = order.refund?.reason ?? order.refundRequest?.reason ?? null;
      await MallOrderModel.updateOne({ _id: orderId }, { $set: { refund: { outRefundNo: number, status, reason, requestedAt: order.refund?.requestedAt ?? context.now } } });
    }
    if (status === 'ABNORMAL' || status === 'CLOSED') {
      // WeChat will not finish this refund by itself (the card was closed, or the refund was closed): ops must act.
      await flagOrder(order, `refund_${status.toLowerCase()}`, `refund ${number} is ${status}`, context.now);
    }
    if (status !== 'SUCCESS') return reloadOrder(orderId);
    order = await reloadOrder(orderId);
  }
  await returnPoints(order, context);
  crashPoint(context, 'points_returned');
  await restoreCoupon(order, context.now);
  crashPoint(context, 'coupon_restored');
  await clawBack(order, context);
  await restockRefunded(order);
  await releaseLimit(order);
  await recordOrderRefunded(order, context.now);
  const refunded = (await transitionOrder(orderId, ['refunding'], 'refunded', context.now, { refundedAt: context.now })) ?? (await reloadOrder(orderId));
  await settleReferralForOrder(refunded, context);
  return refunded;
}

/** Finishes a claimed refund now if it can; a failure past the claim is left to the sweeper (退款中). */
export async function finishClaimedRefund(orderId: Types.ObjectId, context: OrderContext): Promise<MallOrder> {
  crashPoint(context, 'refunding');
  try {
    return await finishRefund(orderId, context);
  } catch (error) {
    if (error instanceof AppError && error.status < 500) throw error;
    return reloadOrder(orderId);
  }
}

/** The member asks for a refund of a fulfilled order nothing of which was used. Charity is final. */
export async function refundOrder(orderId: string, memberId: string, context: OrderContext): Promise<MallOrder> {
  const order = await loadOrderFor(orderId, memberId, 'buyer');
  if (order.status === 'refunded' || order.status === 'refunding') return finishRefund(order._id, context);
  if (order.status !== 'fulfilled' || order.item.kind === 'charity') throw conflict('ORDER_NOT_REFUNDABLE');
  await claimRefund(order, context, { request: { by: 'member', operatorId: null, operatorName: null, reason: null, at: context.now } });
  return finishClaimedRefund(order._id, context);
}
