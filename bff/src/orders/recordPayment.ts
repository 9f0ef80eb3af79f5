import type { PayTransaction } from '../wechat/types';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { crashPoint, type OrderContext } from './orderContext';
import { reloadOrder, transitionOrder } from './transitionOrder';

export type PaymentCheck = { ok: true } | { ok: false; reason: string; detail: string };

/** The notification or query must be about this order, from our merchant and app, for exactly its amount. */
export function checkTransaction(order: MallOrder, transaction: PayTransaction, context: OrderContext): PaymentCheck {
  if (transaction.outTradeNo !== order.orderNo) return { ok: false, reason: 'out_trade_no_mismatch', detail: transaction.outTradeNo };
  if (transaction.appid !== context.config.WECHAT_APPID) return { ok: false, reason: 'appid_mismatch', detail: transaction.appid };
  if (transaction.mchid !== context.config.WECHATPAY_MCHID) return { ok: false, reason: 'mchid_mismatch', detail: transaction.mchid };
  if (transaction.amountTotalFen !== order.cashTotalFen) {
    return { ok: false, reason: 'amount_mismatch', detail: `expected ${order.cashTotalFen}, got ${transaction.amountTotalFen}` };
  }
  return { ok: true };
}

export async function flagOrder(order: MallOrder, reason: string, detail: string, now: Date): Promise<void> {
  // One flag per reason: a notification retried ten times is one problem.
  await MallOrderModel.updateOne({ _id: order._id, 'flags.reason': { $ne: reason } }, { $push: { flags: { reason, detail, at: now } }, $set: { updatedAt: now } });
}

/**
 * Takes a successful WeChat Pay transaction for the order: checks it, then moves the order to `paid` once.
 * A mismatch is flagged for ops and changes nothing else. A payment for an order already cancelled is flagged
 * (ops refunds it): cancelling closes the prepay and queries first, so this only happens if WeChat misbehaves.
 */
export async function recordPayment(
  order: MallOrder,
  transaction: PayTransaction,
  context: OrderContext,
  options: { fromCancelling?: boolean } = {},
): Promise<MallOrder> {
  if (transaction.tradeState !== 'SUCCESS') return order;
  const check = checkTransaction(order, transaction, context);
  if (!check.ok) {
    await flagOrder(order, check.reason, check.detail, context.now);
    return reloadOrder(order._id);
  }
  const paidAt = transaction.successTime ? new Date(transaction.successTime) : context.now;
  const payment = { transactionId: transaction.transactionId ?? '', amountFen: transaction.amountTotalFen, paidAt };
  const from = options.fromCancelling ? (['stock_reserved', 'awaiting_payment', 'cancelling'] as const) : (['stock_reserved', 'awaiting_payment'] as const);
  const paid = await transitionOrder(order._id, from, 'paid', context.now, { payment, paidAt: context.now });
  if (paid) {
    crashPoint(context, 'paid');
    return paid;
  }
  const current = await reloadOrder(order._id);
  if (current.status === 'cancelled') await flagOrder(current, 'paid_after_cancel', transaction.transactionId ?? '', context.now);
  return current;
}
