import { FUNNELS, funnelConversion, type FunnelName, type FunnelStep, type OpsAnalyticsFunnelResponse } from '@cakeday/shared';
import { businessDaysFrom } from './businessDays';
import { DailyRollupModel } from './DailyRollup.model';

/**
 * A funnel over a range of business days: the members who reached each step on those days (each member once per
 * step and yearly round, on the first day they reached it) and the conversions between the steps.
 */
export async function readFunnel(input: { funnel: FunnelName; from: string; to: string }): Promise<OpsAnalyticsFunnelResponse> {
  // By the range's day keys (at most 366): a keyed lookup on any database.
  const rangeDays = businessDaysFrom(input.from, input.to);
  const stored = await DailyRollupModel.find({ _id: { $in: rangeDays } }, { funnels: 1 }).lean();
  const byDay = new Map(stored.map((rollup) => [rollup._id, rollup.funnels[input.funnel]]));
  const totals: Partial<Record<FunnelStep, number>> = {};
  const days = rangeDays.map((day) => {
    const counts = byDay.get(day);
    const steps = Object.fromEntries(FUNNELS[input.funnel].map((step) => [step, counts?.[step] ?? 0])) as Record<FunnelStep, number>;
    for (const step of FUNNELS[input.funnel]) totals[step] = (totals[step] ?? 0) + steps[step];
    return { day, steps };
  });
  return { funnel: input.funnel, steps: funnelConversion(input.funnel, totals), days };
}
