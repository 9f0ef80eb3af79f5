import type { OrderStatus } from '@cakeday/shared';
import type { Types, UpdateQuery } from 'mongoose';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { scheduleOnEntering } from './sweepSchedule';

/**
 * The only way an order's status changes: conditional on the status it is expected to be in. null = it was not.
 * A change of state is progress, so it also sets when the sweeper should next look (or that it need not).
 */
export async function transitionOrder(
  orderId: Types.ObjectId,
  from: readonly OrderStatus[],
  to: OrderStatus,
  now: Date,
  set: UpdateQuery<MallOrder>['$set'] = {},
  extraCondition: Record<string, unknown> = {},
): Promise<MallOrder | null> {
  return MallOrderModel.findOneAndUpdate(
    { _id: orderId, status: { $in: from }, ...extraCondition },
    { $set: { ...set, ...scheduleOnEntering(to, now), status: to, updatedAt: now } },
    { returnDocument: 'after' },
  ).lean();
}

export async function reloadOrder(orderId: Types.ObjectId): Promise<MallOrder> {
  const order = await MallOrderModel.findById(orderId).lean();
  if (!order) throw new Error(`order ${orderId.toHexString()} vanished`);
  return order;
}
