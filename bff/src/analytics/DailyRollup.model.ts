import { DAILY_COUNTERS, FUNNELS, type DailyCounters, type FunnelStep } from '@cakeday/shared';
import { model, Schema } from 'mongoose';

/**
 * One business day's counters (Asia/Shanghai), added to by the analytics event consumer as events arrive, so a
 * dashboard reads a few documents instead of the events. `funnels.birthday.claim`: members who first reached that
 * step of that year's round on this day.
 */
export interface DailyRollup extends DailyCounters {
  /** `2026-06-01`. */
  _id: string;
  funnels: { birthday: Record<FunnelStep, number> };
  /** Ids of the last events applied here: a re-delivered event (after a crash) adds nothing twice. */
  applied: string[];
}

const counters = Object.fromEntries(DAILY_COUNTERS.map((name) => [name, { type: Number, default: 0 }]));
const birthdaySteps = Object.fromEntries(FUNNELS.birthday.map((step) => [step, { type: Number, default: 0 }]));

const dailyRollupSchema = new Schema<DailyRollup>(
  {
    _id: { type: String, required: true },
    ...counters,
    funnels: { birthday: birthdaySteps },
    applied: { type: [String], default: [] },
  },
  { collection: 'analytics_daily', versionKey: false, minimize: false },
);

export const DailyRollupModel = model<DailyRollup>('DailyRollup', dailyRollupSchema);
