import { adjustmentDayKey } from '@cakeday/shared';
import { releaseDailyAmount, takeDailyAmount } from '../../db/dailyCounter';
import { AdjustmentDailyTotalModel } from './AdjustmentDailyTotal.model';
import { PointsAdjustmentModel, type PointsAdjustment } from './PointsAdjustment.model';

/** The counter an operator's adjustments of the day add up in. */
export const adjustmentLimitKey = (operatorId: string, now: Date): string => `${operatorId}:${adjustmentDayKey(now)}`;

/** Counts an adjustment's size against its requester's day; false when it would pass the limit. */
export function takeAdjustmentLimit(adjustment: Pick<PointsAdjustment, 'limitKey' | 'points' | 'requestKey'>, dailyLimit: number): Promise<boolean> {
  return takeDailyAmount(AdjustmentDailyTotalModel, adjustment.limitKey, Math.abs(adjustment.points), dailyLimit, adjustment.requestKey);
}

/** A rejected or failed adjustment moved no points: its size no longer counts against the requester's day. */
export async function releaseAdjustmentLimit(adjustment: Pick<PointsAdjustment, '_id' | 'limitKey' | 'points' | 'requestKey'>, now: Date): Promise<void> {
  await releaseDailyAmount(AdjustmentDailyTotalModel, adjustment.limitKey, Math.abs(adjustment.points), adjustment.requestKey);
  await PointsAdjustmentModel.updateOne({ _id: adjustment._id, limitReleasedAt: null }, { $set: { limitReleasedAt: now } });
}

/** Points the operator has adjusted today (Asia/Shanghai). */
export async function adjustedToday(operatorId: string, now: Date): Promise<number> {
  return (await AdjustmentDailyTotalModel.findById(adjustmentLimitKey(operatorId, now)).lean())?.count ?? 0;
}
