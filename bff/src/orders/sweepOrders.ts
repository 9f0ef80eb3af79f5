import { TERMINAL_ORDER_STATUSES } from '@cakeday/shared';
import { MallItemModel } from '../mall/MallItem.model';
import { advanceOrder } from './advanceOrder';
import { compensateOrder } from './compensateOrder';
import { finishRefund } from './refundOrder';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import type { OrderContext } from './orderContext';
import { consumeStock, releaseStock } from './orderSteps';

function sweepOne(order: MallOrder, context: OrderContext): Promise<MallOrder> {
  if (order.status === 'created' || order.status === 'points_held') return compensateOrder(order._id, 'failed', context);
  if (order.status === 'cancelling') return compensateOrder(order._id, order.cancelReason ?? 'failed', context);
  if (order.status === 'refunding') return finishRefund(order._id, context);
  if (order.status === 'paid' || order.cashTotalFen === 0) return advanceOrder(order, context);
  return Promise.resolve(order);
}

/** How long an order may sit between states before the sweeper assumes its request died. */
export const SWEEP_GRACE_MS = 2 * 60_000;

/**
 * Finishes or compensates orders stuck between states after a crash: created/points_held (a request died)
 * are cancelled — the member was told nothing succeeded; stock_reserved without cash and paid are fulfilled;
 * cancelling and refunding are finished. Then reservations held by orders already final are settled.
 */
export async function sweepOrders(context: OrderContext, graceMs: number = SWEEP_GRACE_MS): Promise<Record<string, number>> {
  const before = new Date(context.now.getTime() - graceMs);
  const stuck = await MallOrderModel.find({ status: { $in: ['created', 'points_held', 'stock_reserved', 'paid', 'cancelling', 'refunding'] }, updatedAt: { $lte: before } }).limit(200).lean();
  const counts: Record<string, number> = { cancelled: 0, fulfilled: 0, refunded: 0, reservations: 0, failed: 0 };
  for (const order of stuck) {
    // One order that cannot be finished now (WeChat Pay down, say) must not hold up the others: it is retried next run.
    const result = await sweepOne(order, context).catch(() => null);
    if (result === null) counts.failed = (counts.failed ?? 0) + 1;
    else if (result.status === 'cancelled') counts.cancelled = (counts.cancelled ?? 0) + 1;
    else if (result.status === 'fulfilled') counts.fulfilled = (counts.fulfilled ?? 0) + 1;
    else if (result.status === 'refunded') counts.refunded = (counts.refunded ?? 0) + 1;
  }
  const items = await MallItemModel.find({ 'reservedOrders.0': { $exists: true } }, { reservedOrders: 1, stock: 1 }).lean();
  for (const item of items) {
    const finals = await MallOrderModel.find({ _id: { $in: item.reservedOrders }, status: { $in: TERMINAL_ORDER_STATUSES } }, { status: 1, itemId: 1, qty: 1 }).lean();
    for (const order of finals) {
      if (order.status === 'fulfilled') await consumeStock(order);
      else await releaseStock(order);
      counts.reservations = (counts.reservations ?? 0) + 1;
    }
  }
  return counts;
}
