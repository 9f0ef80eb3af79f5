import { DAILY_COUNTERS, emptyDailyCounters, type DailyCounter, type DailyCounters, type OpsAnalyticsDailyResponse } from '@cakeday/shared';
import { businessDaysFrom } from './businessDays';
import { DailyRollupModel, type DailyRollup } from './DailyRollup.model';

const DAILY_COUNTER_PROJECTION = Object.fromEntries(DAILY_COUNTERS.map((name) => [name, 1]));

/**
 * The daily rollups of a range of business days, every day present (zeros where nothing was recorded): read by their
 * day keys (at most 366, a keyed lookup on any database), never by a range scan.
 */
export async function readDaily(range: { from: string; to: string }): Promise<OpsAnalyticsDailyResponse> {
  const rangeDays = businessDaysFrom(range.from, range.to);
  // The counters only: `applied` (the last event ids, a few kilobytes a day) is the consumer's, not the dashboard's.
  const stored = await DailyRollupModel.find({ _id: { $in: rangeDays } }, DAILY_COUNTER_PROJECTION).lean<Pick<DailyRollup, '_id' | DailyCounter>[]>();
  const byDay = new Map(stored.map((rollup) => [rollup._id, rollup]));
  const totals = emptyDailyCounters();
  const days = rangeDays.map((day) => {
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
