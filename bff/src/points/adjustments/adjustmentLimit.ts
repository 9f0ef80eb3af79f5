import { dailyCounterId, dailyTotal, releaseDailyAmount, takeDailyAmount } from '../../db/dailyCounter';
import { PointsAdjustmentModel, type PointsAdjustment } from './PointsAdjustment.model';

/** The counter an operator's adjustments of the day (Asia/Shanghai) add up in. */
export const adjustmentLimitKey = (operatorId: string, now: Date): string => dailyCounterId({ purpose: 'points-adjustment', subject: operatorId, day: now });

/** Counts an adjustment's size against its requester's day; false when it would pass the limit. */
export function takeAdjustmentLimit(adjustment: Pick<PointsAdjustment, 'limitKey' | 'points' | 'requestKey'>, dailyLimit: number): Promise<boolean> {
  return takeDailyAmount(adjustment.limitKey, adjustment.requestKey, Math.abs(adjustment.points), dailyLimit);
}

/** A rejected or failed adjustment moved no points: its size no longer counts against the requester's day. */
export async function releaseAdjustmentLimit(adjustment: Pick<PointsAdjustment, '_id' | 'limitKey' | 'points' | 'requestKey'>, now: Date): Promise<void> {
  await releaseDailyAmount(adjustment.limitKey, adjustment.requestKey, Math.abs(adjustment.points));
  await PointsAdjustmentModel.updateOne({ _id: adjustment._id, limitReleasedAt: null }, { $set: { limitReleasedAt: now } });
}

/** Points the operator has adjusted today (Asia/Shanghai). */
export function adjustedToday(operatorId: string, now: Date): Promise<number> {
  return dailyTotal(adjustmentLimitKey(operatorId, now));
}
