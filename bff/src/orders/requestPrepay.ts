import { AppError } from '../errors/AppError';
import { MemberModel } from '../members/Member.model';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { crashPoint, type OrderContext } from './orderContext';
import { reloadOrder, transitionOrder } from './transitionOrder';

/**
 * JSAPI prepay for the cash part. The same out_trade_no with the same content is accepted again by WeChat,
 * so a retry after a crash asks again. A failure leaves the order in stock_reserved: orders.pay retries,
 * and the unpaid-order job closes it at the deadline.
 */
export async function requestPrepay(order: MallOrder, context: OrderContext): Promise<MallOrder> {
  if (order.status !== 'stock_reserved' && order.status !== 'awaiting_payment') return order;
  if (order.prepay && order.prepay.expiresAt > context.now) {
    return order.status === 'awaiting_payment' ? order : ((await transitionOrder(order._id, ['stock_reserved'], 'awaiting_payment', context.now)) ?? reloadOrder(order._id));
  }
  const buyer = await MemberModel.findById(order.buyerMemberId, { openid: 1 }).lean();
  if (!buyer || !order.paymentDeadline) throw new AppError(409, 'ORDER_NOT_PAYABLE');
  let prepay;
  try {
    prepay = await context.pay.prepayJsapi({
      outTradeNo: order.orderNo,
      description: `Cakeday 积分商城-${order.item.title}`.slice(0, 127),
      amountFen: order.cashTotalFen,
      payerOpenid: buyer.openid,
      expiresAt: order.paymentDeadline,
      attach: order._id.toHexString(),
    });
  } catch (error) {
    throw new AppError(503, 'PAYMENT_FAILED', { cause: error, retryable: true });
  }
  const stored = { prepayId: prepay.prepayId, params: prepay.payment, expiresAt: order.paymentDeadline };
  await MallOrderModel.updateOne({ _id: order._id, status: { $in: ['stock_reserved', 'awaiting_payment'] } }, { $set: { prepay: stored, updatedAt: context.now } });
  const awaiting = (await transitionOrder(order._id, ['stock_reserved'], 'awaiting_payment', context.now)) ?? (await reloadOrder(order._id));
  crashPoint(context, 'awaiting_payment');
  return awaiting;
}
