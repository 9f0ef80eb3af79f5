import { DAILY_COUNTERS, emptyDailyCounters, type DailyCounters, type OpsAnalyticsDailyResponse } from '@cakeday/shared';
import { businessDaysFrom } from './businessDays';
import { DailyRollupModel } from './DailyRollup.model';

/** The daily rollups of a range of business days, every day present (zeros where nothing was recorded). */
export async function readDaily(range: { from: string; to: string }): Promise<OpsAnalyticsDailyResponse> {
  const stored = await DailyRollupModel.find({ _id: { $gte: range.from, $lte: range.to } }).lean();
  const byDay = new Map(stored.map((rollup) => [rollup._id, rollup]));
  const totals = emptyDailyCounters();
  const days = businessDaysFrom(range.from, range.to).map((day) => {
    const rollup = byDay.get(day);
    const counters: DailyCounters = emptyDailyCounters();
    for (const name of DAILY_COUNTERS) {
      counters[name] = rollup?.[name] ?? 0;
      totals[name] += counters[name];
    }
    return { day, ...counters };
  });
  return { days, totals };
}
