import { earnsBirthdayMonthRate, pointsForPayment } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { issueCoupon } from '../coupons/issueCoupon';
import { birthdayUnlockOf } from '../members/birthdayHistory';
import { MemberModel } from '../members/Member.model';
import { celebratedBirthday } from '../members/storedBirthday';
import { earnPoints } from '../points/earnPoints';
import { settleReferralForOrder } from '../referral/settleReferralForOrder';
import { recordPaidSpend } from '../tiers/recordPaidSpend';
import type { MallOrder, StoredFulfilment } from './MallOrder.model';
import { issueDonationCertificate } from './issueDonationCertificate';
import { recordOrderPaid } from './orderEvents';
import { couponSourceOf, crashPoint, paidSpendKey, pointsEarnKey, settingsOfOrder, type OrderContext } from './orderContext';
import { useCoupon } from './orderCoupon';
import { consumeStock } from './orderSteps';
import { reloadOrder, transitionOrder } from './transitionOrder';

async function deliver(order: MallOrder, recipient: Types.ObjectId, context: OrderContext): Promise<StoredFulfilment> {
  if (order.item.kind === 'coupon' && order.item.couponTemplateCode) {
    let first: StoredFulfilment | null = null;
    for (let unit = 0; unit < order.qty; unit += 1) {
      const coupon = await issueCoupon(
        { memberId: recipient.toHexString(), templateCode: order.item.couponTemplateCode, source: couponSourceOf(order), sourceKey: `${order._id.toHexString()}:${unit}` },
        context.now,
      );
      first ??= { type: 'coupon', couponId: coupon._id, couponTitle: coupon.title };
    }
    if (first) return first;
  }
  if (order.item.kind === 'charity') return { type: 'donation', certificateNo: await issueDonationCertificate(order._id, context) };
  return { type: 'pickup', usedAt: null, storeId: null, storeName: null, staffMemberId: null };
}

/**
 * The cash part earns the buyer points at their tier's rate (its birthday-month rate in an unlocked birthday month)
 * by the settings the order was PLACED under, and counts as paid spend for tiers by the thresholds in force now.
 */
async function rewardPayment(order: MallOrder, context: OrderContext): Promise<number> {
  if (!order.payment || order.payment.amountFen <= 0) return 0;
  const buyer = await MemberModel.findById(order.buyerMemberId, { tier: 1, birthday: 1, birthdayHistory: 1 }).lean();
  if (!buyer) return 0;
  const memberId = buyer._id.toHexString();
  const placedUnder = await settingsOfOrder(order, context);
  const birthday = celebratedBirthday(buyer.birthday);
  const points = pointsForPayment({
    paidFen: order.payment.amountFen,
    inBirthdayMonth: birthday ? earnsBirthdayMonthRate(birthday, order.payment.paidAt, birthdayUnlockOf(buyer, placedUnder.settings)) : false,
    rate: placedUnder.settings.points.earn[buyer.tier.level],
  });
  if (points > 0) {
    await earnPoints(
      { memberId, points, idempotencyKey: pointsEarnKey(order._id.toHexString()), reasonCode: 'mall_order_paid', reason: `商城订单支付获得积分：${order.item.title}`, reference: { type: 'mall_order', id: order._id.toHexString() } },
      { now: context.now, settings: placedUnder, queue: context.queue },
    );
  }
  await recordPaidSpend(
    { memberId, amountFen: order.payment.amountFen, idempotencyKey: paidSpendKey(order._id.toHexString()), paidAt: order.payment.paidAt, reference: order.orderNo },
    { now: context.now, thresholds: context.settings.settings.tiers },
  );
  return points;
}

/** Delivers a paid (or points-only, stock-reserved) order: each effect is idempotent, the status moves last. */
export async function fulfilOrder(order: MallOrder, context: OrderContext): Promise<MallOrder> {
  const ready = order.status === 'paid' || (order.status === 'stock_reserved' && order.cashTotalFen === 0);
  if (!ready) return order;
  await useCoupon(order, context.now);
  crashPoint(context, 'coupon_used');
  const fulfilment = await deliver(order, order.recipientMemberId ?? order.buyerMemberId, context);
  const pointsEarned = await rewardPayment(order, context);
  await recordOrderPaid(order, context.now);
  crashPoint(context, 'delivered');
  const done = await transitionOrder(order._id, [order.status], 'fulfilled', context.now, { fulfilment, pointsEarned, fulfilledAt: context.now });
  const result = done ?? (await reloadOrder(order._id));
  if (result.status === 'fulfilled') {
    await consumeStock(result);
    await settleReferralForOrder(result, context);
  }
  return result;
}
