import { TERMINAL_ORDER_STATUSES, type OrderStatus } from '@cakeday/shared';
import { MallItemModel } from '../mall/MallItem.model';
import { advanceOrder } from './advanceOrder';
import { compensateOrder } from './compensateOrder';
import { finishRefund } from './refundOrder';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import type { OrderContext } from './orderContext';
import { settleHeldCoupons } from './orderCoupon';
import { consumeStock, releaseStock } from './orderSteps';
import { AWAITING_OPS_RECHECK_MS, awaitsOps, awaitsPayment, sweepBackoffMs } from './sweepSchedule';

const SWEPT: readonly OrderStatus[] = ['created', 'points_held', 'stock_reserved', 'paid', 'cancelling', 'refunding'];
const SWEEP_BATCH = 200;

export interface SweepSummary {
  cancelled: number;
  fulfilled: number;
  refunded: number;
  /** Looked at, not finished (a refund WeChat is still processing, or a failure): looked at again after a backoff. */
  retrying: number;
  /** Of those, the ones that failed (each logged). */
  failed: number;
  /** Waiting on ops: looked at again only daily. */
  parked: number;
  reservations: number;
  /** Coupons left held by orders already final, used or released. */
  coupons: number;
}

function sweepOne(order: MallOrder, context: OrderContext): Promise<MallOrder> {
  if (order.status === 'created' || order.status === 'points_held') return compensateOrder(order._id, 'failed', context);
  if (order.status === 'cancelling') return compensateOrder(order._id, order.cancelReason ?? 'failed', context);
  if (order.status === 'refunding') return finishRefund(order._id, context);
  if (order.status === 'paid' || order.cashTotalFen === 0) return advanceOrder(order, context);
  return Promise.resolve(order);
}

/**
 * The order stayed where it was: it goes to the back of the working set, after a backoff that grows with each
 * sweep in a row that did not move it; an order waiting on ops is parked, an unpaid one left to the payment jobs.
 * Conditional on what this sweep saw, so a change of state meanwhile (which sets its own schedule) wins.
 */
async function reschedule(seen: MallOrder, current: MallOrder, now: Date): Promise<'retrying' | 'parked' | 'paymentJobs'> {
  const sweepAttempts = seen.sweepAttempts + 1;
  const outcome = awaitsOps(current) ? 'parked' : awaitsPayment(current) ? 'paymentJobs' : 'retrying';
  const delay = { parked: AWAITING_OPS_RECHECK_MS, paymentJobs: null, retrying: sweepBackoffMs(sweepAttempts) }[outcome];
  await MallOrderModel.updateOne(
    { _id: seen._id, status: seen.status, nextAttemptAt: seen.nextAttemptAt },
    { $set: { nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay), sweepAttempts } },
  );
  return outcome;
}

/**
 * Finishes or compensates orders stuck between states after a crash: created/points_held (a request died)
 * are cancelled — the member was told nothing succeeded; stock_reserved without cash and paid are fulfilled;
 * cancelling and refunding are finished. Work is claimed by `nextAttemptAt` (oldest first, then by id), so orders
 * that cannot be finished now fall behind the others instead of filling every batch. Then reservations held by
 * orders already final are settled, and so are coupons left held by them.
 */
export async function sweepOrders(context: OrderContext): Promise<SweepSummary> {
  const due = await MallOrderModel.find({ nextAttemptAt: { $lte: context.now }, status: { $in: SWEPT } })
    .sort({ nextAttemptAt: 1, _id: 1 })
    .limit(SWEEP_BATCH)
    .lean();
  const summary: SweepSummary = { cancelled: 0, fulfilled: 0, refunded: 0, retrying: 0, failed: 0, parked: 0, reservations: 0, coupons: 0 };
  for (const order of due) {
    // One order that cannot be finished now (WeChat Pay down, say) must not hold up the others.
    const result = await sweepOne(order, context).catch((error: unknown) => {
      summary.failed += 1;
      context.logger.warn(
        { job: 'orders.sweep', orderId: order._id.toHexString(), orderNo: order.orderNo, status: order.status, sweepAttempts: order.sweepAttempts + 1, err: error },
        'order sweep failed; retried after a backoff',
      );
      return null;
    });
    if (result?.status === 'cancelled' || result?.status === 'fulfilled' || result?.status === 'refunded') summary[result.status] += 1;
    // A change of state set the order's next look itself.
    if (result && result.status !== order.status) continue;
    const outcome = await reschedule(order, result ?? order, context.now);
    if (outcome !== 'paymentJobs') summary[outcome] += 1;
  }
  const items = await MallItemModel.find({ 'reservedOrders.0': { $exists: true } }, { reservedOrders: 1, stock: 1 }).lean();
  for (const item of items) {
    const finals = await MallOrderModel.find({ _id: { $in: item.reservedOrders }, status: { $in: TERMINAL_ORDER_STATUSES } }, { status: 1, itemId: 1, qty: 1 }).lean();
    for (const order of finals) {
      if (order.status === 'fulfilled') await consumeStock(order);
      else await releaseStock(order);
      summary.reservations += 1;
    }
  }
  summary.coupons = await settleHeldCoupons(context.now);
  return summary;
}
