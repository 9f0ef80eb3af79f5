import { businessDayKey, businessWeekKey, type ProgramSettings } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { releaseDailyAmount, takeDailyAmount } from '../db/dailyCounter';

const counters = (memberId: Types.ObjectId, now: Date) => ({
  day: `marketing-day:${memberId.toHexString()}:${businessDayKey(now)}`,
  week: `marketing-week:${memberId.toHexString()}:${businessWeekKey(now)}`,
});

/**
 * One marketing message for the member today and this week, across all campaigns (the settings' caps), keyed by the
 * delivery so a retry takes nothing twice. False when either cap is reached; then nothing is kept.
 */
export async function takeMarketingSlot(memberId: Types.ObjectId, deliveryKey: string, now: Date, marketing: ProgramSettings['marketing']): Promise<boolean> {
  const { day, week } = counters(memberId, now);
  // Both at once (one round trip): when one refuses, what the other took is given back (by key, once).
  const [dayTaken, weekTaken] = await Promise.all([takeDailyAmount(day, deliveryKey, 1, marketing.dailyCapPerMember), takeDailyAmount(week, deliveryKey, 1, marketing.weeklyCapPerMember)]);
  if (dayTaken && weekTaken) return true;
  await Promise.all([dayTaken ? releaseDailyAmount(day, deliveryKey, 1) : undefined, weekTaken ? releaseDailyAmount(week, deliveryKey, 1) : undefined]);
  return false;
}

/** The delivery sent nothing after all: its slot goes back (once). */
export async function releaseMarketingSlot(memberId: Types.ObjectId, deliveryKey: string, takenAt: Date): Promise<void> {
  const { day, week } = counters(memberId, takenAt);
  await Promise.all([releaseDailyAmount(day, deliveryKey, 1), releaseDailyAmount(week, deliveryKey, 1)]);
}
