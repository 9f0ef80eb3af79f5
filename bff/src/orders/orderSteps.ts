import { MallItemModel } from '../mall/MallItem.model';
import { RedemptionLimitModel } from '../mall/RedemptionLimit.model';
import type { MallOrder } from './MallOrder.model';

/**
 * The reversible steps of an order, each a single conditional write that names the order, so that running
 * it twice (a retry, the sweeper, a concurrent duplicate) has the effect of running it once.
 */
export async function countLimit(order: MallOrder, limitPerMember: number): Promise<boolean> {
  await RedemptionLimitModel.updateOne({ _id: order.limitKey }, { $setOnInsert: { count: 0, orders: [] } }, { upsert: true }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 11000) throw error;
  });
  const counted = await RedemptionLimitModel.updateOne(
    { _id: order.limitKey, orders: { $ne: order._id }, count: { $lte: limitPerMember - order.qty } },
    { $inc: { count: order.qty }, $push: { orders: order._id } },
  );
  if (counted.modifiedCount === 1) return true;
  return (await RedemptionLimitModel.countDocuments({ _id: order.limitKey, orders: order._id })) === 1;
}

export async function releaseLimit(order: MallOrder): Promise<void> {
  await RedemptionLimitModel.updateOne({ _id: order.limitKey, orders: order._id }, { $inc: { count: -order.qty }, $pull: { orders: order._id } });
}

export async function reserveStock(order: MallOrder): Promise<boolean> {
  const reserved = await MallItemModel.updateOne(
    { _id: order.itemId, stock: { $gte: order.qty }, reservedOrders: { $ne: order._id } },
    { $inc: { stock: -order.qty }, $push: { reservedOrders: order._id } },
  );
  if (reserved.modifiedCount === 1) return true;
  return (await MallItemModel.countDocuments({ _id: order.itemId, reservedOrders: order._id })) === 1;
}

/** Gives the units back, once: only while the order still holds its reservation. */
export async function releaseStock(order: Pick<MallOrder, '_id' | 'itemId' | 'qty'>): Promise<void> {
  await MallItemModel.updateOne({ _id: order.itemId, reservedOrders: order._id }, { $inc: { stock: order.qty }, $pull: { reservedOrders: order._id } });
}

/** A fulfilled order keeps its units: the reservation becomes final. */
export async function consumeStock(order: Pick<MallOrder, '_id' | 'itemId'>): Promise<void> {
  await MallItemModel.updateOne({ _id: order.itemId }, { $pull: { reservedOrders: order._id } });
}

/** A refunded order (nothing of it used) gives its units back, once. Its reservation is made final first, so the
 * sweeper's settling of reservations cannot return the same units again. */
export async function restockRefunded(order: Pick<MallOrder, '_id' | 'itemId' | 'qty'>): Promise<void> {
  await consumeStock(order);
  await MallItemModel.updateOne({ _id: order.itemId, restockedOrders: { $ne: order._id } }, { $inc: { stock: order.qty }, $push: { restockedOrders: order._id } });
}
