import { conflict } from '../errors/AppError';
import { compensateOrder } from './compensateOrder';
import { loadOrderFor } from './loadOrderFor';
import type { MallOrder } from './MallOrder.model';
import type { OrderContext } from './orderContext';

/**
 * The member cancels an unpaid order. If the payment won (WeChat reports it paid, or its notification was recorded
 * first), the order is fulfilled before the answer, which is 409 ORDER_NOT_CANCELLABLE: the cancel did not happen,
 * and the member's next look at the order shows it delivered.
 */
export async function cancelOrder(orderId: string, memberId: string, context: OrderContext): Promise<MallOrder> {
  const order = await loadOrderFor(orderId, memberId, 'buyer');
  if (order.status === 'cancelled') return order;
  const payable = (order.status === 'awaiting_payment' || order.status === 'stock_reserved') && order.cashTotalFen > 0;
  if (!payable && order.status !== 'cancelling' && order.status !== 'paid') throw conflict('ORDER_NOT_CANCELLABLE');
  const result = await compensateOrder(order._id, 'member', context);
  if (result.status !== 'cancelled') throw conflict('ORDER_NOT_CANCELLABLE');
  return result;
}
