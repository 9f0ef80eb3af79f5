import type { CancelReason } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { crashPoint, type OrderContext } from './orderContext';
import { releaseCoupon } from './orderCoupon';
import { returnPoints } from './orderPoints';
import { fulfilOrder } from './fulfilOrder';
import { releaseLimit, releaseStock } from './orderSteps';
import { reloadOrder, transitionOrder } from './transitionOrder';
import { recordPayment } from './recordPayment';

/** Entering `cancelling` is progress; finding it already there is not (the sweeper's backoff keeps counting). */
const CANCELLABLE = ['created', 'points_held', 'stock_reserved', 'awaiting_payment'] as const;

/**
 * Cancels an order that is not paid: moves it to `cancelling`, closes the prepay (and, if WeChat says it was paid
 * after all, takes the payment instead), then gives back stock, points, the coupon and the limit, and ends in `cancelled`.
 * Every step is conditional on what it undoes, so a crash anywhere is finished by running it again.
 * Returns the order as it ends: cancelled, or — when the payment won the race — fulfilled there and then, so that
 * a member who paid gets what they paid for without waiting for the sweeper.
 */
export async function compensateOrder(orderId: Types.ObjectId, reason: CancelReason, context: OrderContext): Promise<MallOrder> {
  const claimed =
    (await transitionOrder(orderId, CANCELLABLE, 'cancelling', context.now, {}, {})) ?? (await reloadOrder(orderId));
  if (claimed.status === 'paid') return fulfilOrder(claimed, context);
  if (claimed.status !== 'cancelling' && claimed.status !== 'cancelled') return claimed;
  if (claimed.cancelReason === null) {
    await MallOrderModel.updateOne({ _id: orderId, cancelReason: null }, { $set: { cancelReason: reason } });
  }
  const order = await reloadOrder(orderId);
  crashPoint(context, 'cancelling');

  if (order.status === 'cancelling' && order.prepay) {
    // WeChat refuses to close a paid order (400 ORDERPAID): the query below decides, and only a close that failed
    // for an order not paid stops the cancellation here (the sweeper retries it).
    const closeFailure = await context.pay.closeOrder(order.orderNo).then(
      () => null,
      (error: unknown) => error,
    );
    const transaction = await context.pay.queryByOutTradeNo(order.orderNo);
    if (transaction?.tradeState === 'SUCCESS') {
      const outcome = await recordPayment(order, transaction, context, { fromCancelling: true });
      if (outcome.status === 'paid') return fulfilOrder(outcome, context);
      if (outcome.status !== 'cancelling') return outcome;
    } else if (closeFailure !== null) {
      throw closeFailure;
    }
  }
  await releaseStock(order);
  crashPoint(context, 'stock_released');
  await returnPoints(order, context);
  await releaseCoupon(order, context.now);
  crashPoint(context, 'coupon_released');
  await releaseLimit(order);
  return (await transitionOrder(orderId, ['cancelling'], 'cancelled', context.now, { cancelledAt: context.now })) ?? reloadOrder(orderId);
}
