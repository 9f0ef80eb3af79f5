import { MallOrderModel } from './MallOrder.model';
import type { OrderContext } from './orderContext';
import { confirmPayment } from './payOrder';

/** Asks WeChat Pay about orders still awaiting payment a minute after prepay (a lost notification is not lost). */
export async function reconcilePayments(context: OrderContext): Promise<{ checked: number; paid: number; failed: number }> {
  const before = new Date(context.now.getTime() - 60_000);
  const waiting = await MallOrderModel.find({ status: 'awaiting_payment', updatedAt: { $lte: before } }).limit(200).lean();
  let paid = 0;
  let failed = 0;
  for (const order of waiting) {
    const result = await confirmPayment(order, context).catch((error: unknown) => {
      failed += 1;
      context.logger.warn({ job: 'orders.reconcilePayments', orderId: order._id.toHexString(), orderNo: order.orderNo, err: error }, 'payment not reconciled; asked again next run');
      return order;
    });
    if (result.status !== order.status) paid += 1;
  }
  return { checked: waiting.length, paid, failed };
}
