import { MallOrderModel } from './MallOrder.model';
import type { OrderContext } from './orderContext';
import { confirmPayment } from './payOrder';

/** Asks WeChat Pay about orders still awaiting payment a minute after prepay (a lost notification is not lost). */
export async function reconcilePayments(context: OrderContext): Promise<{ checked: number; paid: number }> {
  const before = new Date(context.now.getTime() - 60_000);
  const waiting = await MallOrderModel.find({ status: 'awaiting_payment', updatedAt: { $lte: before } }).limit(200).lean();
  let paid = 0;
  for (const order of waiting) {
    const result = await confirmPayment(order, context).catch(() => order);
    if (result.status !== order.status) paid += 1;
  }
  return { checked: waiting.length, paid };
}
