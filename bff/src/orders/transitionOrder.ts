import type { OrderStatus } from '@cakeday/shared';
import type { Types, UpdateQuery } from 'mongoose';
import { MallOrderModel, type MallOrder, type OrderHistoryEntry } from './MallOrder.model';
import { scheduleOnEntering } from './sweepSchedule';

/** What an ops-driven move adds to the write: the operator's name in the history, the audit entry's position. */
export interface TransitionExtras {
  by?: string | null;
  push?: Record<string, unknown>;
}

/**
 * The only way an order's status changes: conditional on the status it is expected to be in. null = it was not.
 * The move appends `{ status, at, by }` to the order's history in the same write, so the history is exactly the
 * moves that happened, and sets when the sweeper should next look (a change of state is progress). Staying in a
 * state (`to` among `from`: a retried cancellation) appends nothing and keeps the sweeper's backoff.
 */
export async function transitionOrder(
  orderId: Types.ObjectId,
  from: readonly OrderStatus[],
  to: OrderStatus,
  now: Date,
  set: UpdateQuery<MallOrder>['$set'] = {},
  extraCondition: Record<string, unknown> = {},
  extras: TransitionExtras = {},
): Promise<MallOrder | null> {
  const moving = from.filter((status) => status !== to);
  if (moving.length > 0) {
    const entry: OrderHistoryEntry = { status: to, at: now, by: extras.by ?? null };
    const moved = await MallOrderModel.findOneAndUpdate(
      { _id: orderId, status: { $in: moving }, ...extraCondition },
      { $set: { ...set, ...scheduleOnEntering(to, now), status: to, updatedAt: now }, $push: { history: entry, ...extras.push } },
      { returnDocument: 'after' },
    ).lean();
    if (moved || moving.length === from.length) return moved;
  }
  return MallOrderModel.findOneAndUpdate(
    { _id: orderId, status: to, ...extraCondition },
    { $set: { ...set, updatedAt: now }, ...(extras.push ? { $push: extras.push } : {}) },
    { returnDocument: 'after' },
  ).lean();
}

export async function reloadOrder(orderId: Types.ObjectId): Promise<MallOrder> {
  const order = await MallOrderModel.findById(orderId).lean();
  if (!order) throw new Error(`order ${orderId.toHexString()} vanished`);
  return order;
}
