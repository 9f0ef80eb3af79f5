import type { MallItem } from '../mall/MallItem.model';
import { MallItemModel } from '../mall/MallItem.model';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { compensateOrder } from './compensateOrder';
import { fulfilOrder } from './fulfilOrder';
import { crashPoint, type OrderContext } from './orderContext';
import { holdCoupon } from './orderCoupon';
import { holdPoints } from './orderPoints';
import { countLimit, reserveStock } from './orderSteps';
import { requestPrepay } from './requestPrepay';
import { reloadOrder, transitionOrder } from './transitionOrder';

async function fail(order: MallOrder, code: string, context: OrderContext): Promise<MallOrder> {
  await MallOrderModel.updateOne({ _id: order._id, failureCode: null }, { $set: { failureCode: code } });
  return compensateOrder(order._id, 'failed', context);
}

/**
 * Moves an order forward as far as it can go now: created → (limit counted, coupon held, points held) points_held → stock_reserved → awaiting_payment |
 * fulfilled; paid → fulfilled. A refusal on the way (limit, points, stock) cancels it with its failureCode.
 * Idempotent: the request, a retry with the same key, and the sweeper all call this.
 */
export async function advanceOrder(start: MallOrder, context: OrderContext, item?: MallItem): Promise<MallOrder> {
  let order = start;
  for (let step = 0; step < 8; step += 1) {
    switch (order.status) {
      case 'created': {
        const limit = item ?? (await MallItemModel.findById(order.itemId, { limitPerMember: 1 }).lean());
        if (!limit || !(await countLimit(order, limit.limitPerMember))) return fail(order, 'MALL_LIMIT_REACHED', context);
        crashPoint(context, 'limit_counted');
        if (!(await holdCoupon(order, context.now))) return fail(order, 'COUPON_NOT_AVAILABLE', context);
        crashPoint(context, 'coupon_held');
        const refusal = await holdPoints(order, context);
        if (refusal) return fail(order, refusal, context);
        order = (await transitionOrder(order._id, ['created'], 'points_held', context.now)) ?? (await reloadOrder(order._id));
        crashPoint(context, 'points_held');
        break;
      }
      case 'points_held': {
        if (!(await reserveStock(order))) return fail(order, 'MALL_SOLD_OUT', context);
        order = (await transitionOrder(order._id, ['points_held'], 'stock_reserved', context.now)) ?? (await reloadOrder(order._id));
        crashPoint(context, 'stock_reserved');
        break;
      }
      case 'stock_reserved':
        order = order.cashTotalFen > 0 ? await requestPrepay(order, context) : await fulfilOrder(order, context);
        if (order.status === 'stock_reserved' || order.status === 'awaiting_payment') return order;
        break;
      case 'paid':
        order = await fulfilOrder(order, context);
        if (order.status === 'paid') return order;
        break;
      case 'cancelling':
        // A step above raced with a cancellation: finish undoing it (idempotent), including what we just did.
        return compensateOrder(order._id, order.cancelReason ?? 'failed', context);
      default:
        return order;
    }
  }
  return order;
}
