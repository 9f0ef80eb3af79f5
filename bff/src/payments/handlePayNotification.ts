import { advanceOrder } from '../orders/advanceOrder';
import { MallOrderModel } from '../orders/MallOrder.model';
import type { OrderContext } from '../orders/orderContext';
import { outRefundNo } from '../orders/orderContext';
import { finishRefund } from '../orders/refundOrder';
import { flagOrder, recordPayment } from '../orders/recordPayment';
import type { PayNotification } from '../wechat/types';

/** Applies a verified, decrypted WeChat Pay notification; duplicates and late retries change nothing. */
export async function handlePayNotification(notification: PayNotification, context: OrderContext): Promise<string> {
  if (notification.kind === 'transaction') {
    const order = await MallOrderModel.findOne({ orderNo: notification.transaction.outTradeNo }).lean();
    if (!order) return 'unknown_order';
    const recorded = await recordPayment(order, notification.transaction, context);
    const result = await advanceOrder(recorded, context);
    return result.status;
  }
  const { refund } = notification;
  const order = await MallOrderModel.findOne({ orderNo: refund.outTradeNo }).lean();
  if (!order || outRefundNo(order.orderNo) !== refund.outRefundNo || order.status !== 'refunding') return 'ignored';
  if (refund.refundFen !== order.cashTotalFen) {
    // Not the refund we asked for: flagged for ops, and its status is not taken; finishRefund asks WeChat itself.
    await flagOrder(order, 'refund_amount_mismatch', `expected ${order.cashTotalFen}, got ${refund.refundFen}`, context.now);
  } else {
    await MallOrderModel.updateOne({ _id: order._id, status: 'refunding' }, { $set: { 'refund.status': refund.status } });
  }
  return (await finishRefund(order._id, context)).status;
}
