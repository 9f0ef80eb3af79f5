import { MallOrderModel } from './MallOrder.model';
import { compensateOrder } from './compensateOrder';
import type { OrderContext } from './orderContext';

/** Closes cash orders past their 15-minute payment window (closing the prepay; a payment that won is fulfilled). */
export async function closeUnpaidOrders(context: OrderContext): Promise<{ closed: number; paid: number; failed: number }> {
  const due = await MallOrderModel.find({ status: { $in: ['stock_reserved', 'awaiting_payment'] }, cashTotalFen: { $gt: 0 }, paymentDeadline: { $lte: context.now } }, { _id: 1, orderNo: 1 }).limit(200).lean();
  let closed = 0;
  let paid = 0;
  let failed = 0;
  for (const { _id, orderNo } of due) {
    // One order WeChat cannot close now must not hold up the others; it stays `cancelling` for the sweeper.
    const result = await compensateOrder(_id, 'payment_timeout', context).catch((error: unknown) => {
      context.logger.warn({ job: 'orders.closeUnpaid', orderId: _id.toHexString(), orderNo, err: error }, 'unpaid order not closed; the sweeper retries it');
      return null;
    });
    if (result === null) failed += 1;
    else if (result.status === 'cancelled') closed += 1;
    else paid += 1;
  }
  return { closed, paid, failed };
}
