import type { MallOrder } from '../orders/MallOrder.model';
import type { OrderContext } from '../orders/orderContext';
import { clawbackReferral } from './clawbackReferral';
import { ReferralModel } from './Referral.model';
import { rewardReferral } from './rewardReferral';

/**
 * Called as an order is fulfilled or refunded, so the referrer sees the reward (or its clawback) at once.
 * Both commands are idempotent, and settleReferralRewards (scheduled) repeats them from the order states,
 * so a crash or a failure here only delays them.
 */
export async function settleReferralForOrder(order: MallOrder, context: OrderContext): Promise<void> {
  const payment = order.payment;
  if (!payment || payment.amountFen <= 0) return;
  const ledger = { now: context.now, queue: context.queue };
  const event = { memberId: order.buyerMemberId.toHexString(), orderId: order._id.toHexString() };
  try {
    if (order.status === 'fulfilled') {
      await rewardReferral(
        { ...event, paidFen: payment.amountFen, paidAt: payment.paidAt, gift: order.recipientMemberId !== null },
        { ...ledger, settings: context.settings, settingsSource: context.settingsSource },
      );
    }
    if (order.status === 'refunded') await clawbackReferral(event, ledger);
  } catch (error) {
    // The order has already moved; its buyer must not see the referrer's bookkeeping fail. The settle job retries it
    // on its next run rather than at the referral's next scheduled check.
    context.logger?.error({ err: error, orderId: event.orderId, status: order.status }, 'referral settlement failed');
    await ReferralModel.updateOne({ _id: order.buyerMemberId, nextCheckAt: { $ne: null } }, { $set: { nextCheckAt: context.now } }).catch((recheckError: unknown) => {
      context.logger?.error({ err: recheckError, orderId: event.orderId }, 'referral recheck not scheduled');
    });
  }
}
