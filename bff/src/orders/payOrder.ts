import { conflict } from '../errors/AppError';
import { advanceOrder } from './advanceOrder';
import { loadOrderFor } from './loadOrderFor';
import type { MallOrder } from './MallOrder.model';
import type { OrderContext } from './orderContext';
import { recordPayment } from './recordPayment';
import { requestPrepay } from './requestPrepay';

/** Payment parameters again, while the order is unpaid and inside its window. */
export async function payOrder(orderId: string, memberId: string, context: OrderContext): Promise<MallOrder> {
  const order = await loadOrderFor(orderId, memberId, 'buyer');
  const payable = (order.status === 'awaiting_payment' || order.status === 'stock_reserved') && order.cashTotalFen > 0;
  if (!payable || !order.paymentDeadline || context.now >= order.paymentDeadline) throw conflict('ORDER_NOT_PAYABLE');
  const result = await requestPrepay(order, context);
  if (result.status !== 'awaiting_payment') throw conflict('ORDER_NOT_PAYABLE');
  return result;
}

/** Asks WeChat Pay whether an unpaid order was paid (after requestPayment, or from the reconciliation job). */
export async function confirmPayment(order: MallOrder, context: OrderContext): Promise<MallOrder> {
  // Paid by a concurrent confirmation or the notification but not yet fulfilled: finish it here rather than answer
  // 已支付 while the goods wait for that other request (the steps are idempotent, as the sweeper relies on).
  if (order.status === 'paid') return advanceOrder(order, context);
  if ((order.status !== 'awaiting_payment' && order.status !== 'stock_reserved') || !order.prepay) return order;
  const transaction = await context.pay.queryByOutTradeNo(order.orderNo);
  if (!transaction || transaction.tradeState !== 'SUCCESS') return order;
  return advanceOrder(await recordPayment(order, transaction, context), context);
}
