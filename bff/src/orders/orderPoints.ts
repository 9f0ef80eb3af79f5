import { AppError } from '../errors/AppError';
import { reversePoints } from '../points/reversePoints';
import { spendPoints } from '../points/spendPoints';
import { PointsEntryModel } from '../points/PointsEntry.model';
import type { MallOrder } from './MallOrder.model';
import { pointsReturnKey, pointsSpendKey, type OrderContext } from './orderContext';

const spendInput = (order: MallOrder) => ({
  memberId: order.buyerMemberId.toHexString(),
  points: order.pointsTotal,
  idempotencyKey: pointsSpendKey(order._id.toHexString()),
  reasonCode: 'mall_redeem',
  reason: `积分兑换：${order.item.title}`,
  reference: { type: 'mall_order', id: order._id.toHexString() },
});

/** Spends the order's points under its key; returns the refusal code (POINTS_INSUFFICIENT…) instead of throwing. */
export async function holdPoints(order: MallOrder, context: OrderContext): Promise<string | null> {
  if (order.pointsTotal <= 0) return null;
  try {
    await spendPoints(spendInput(order), { now: context.now, queue: context.queue });
    return null;
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return error.code;
    throw error;
  }
}

/**
 * Gives the order's points back by a reversing entry, once. A spend entry that exists but is still pending is
 * settled first (re-posting the same key), so a spend racing with the cancellation is returned too.
 */
export async function returnPoints(order: MallOrder, context: OrderContext): Promise<void> {
  if (order.pointsTotal <= 0) return;
  const key = pointsSpendKey(order._id.toHexString());
  const entry = await PointsEntryModel.findOne({ key }, { state: 1 }).lean();
  if (!entry || entry.state === 'rejected') return;
  if (entry.state === 'pending' && (await holdPoints(order, context)) !== null) return;
  await reversePoints(
    {
      memberId: order.buyerMemberId.toHexString(),
      reversesKey: key,
      idempotencyKey: pointsReturnKey(order._id.toHexString()),
      reasonCode: 'mall_return',
      reason: `兑换取消/退款，积分退回：${order.item.title}`,
      reference: { type: 'mall_order', id: order._id.toHexString() },
    },
    { now: context.now, queue: context.queue },
  );
}
