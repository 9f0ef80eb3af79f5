import {
  addKpiInputs,
  emptyKpiInputs,
  KPI_NAMES,
  kpiMet,
  kpiSample,
  kpiTargetKeys,
  kpiValue,
  MEASURED_KPIS,
  type KpiInputs,
  type OpsInsightsKpisResponse,
  type ProgramSettings,
} from '@cakeday/shared';
import { businessDaysFrom } from '../analytics/businessDays';
import { DailyRollupModel } from '../analytics/DailyRollup.model';
import { InsightsDayModel, type InsightsDay } from './InsightsDay.model';

type Counts = Record<string, Record<string, number>> | undefined;
const sumOf = (group: Record<string, number> | undefined): number => Object.values(group ?? {}).reduce((sum, value) => sum + value, 0);

/** Each day's KPI inputs from the two daily rollups (at most 366 documents of each), every day present. */
export async function readKpiInputs(range: { from: string; to: string }): Promise<{ day: string; inputs: KpiInputs }[]> {
  const [rollups, insights] = await Promise.all([
    DailyRollupModel.find({ _id: { $in: businessDaysFrom(range.from, range.to) } }, { funnels: 1 }).lean(),
    InsightsDayModel.find({ _id: { $in: businessDaysFrom(range.from, range.to) } }, { 'counts.nps': 1, 'counts.messagesSent': 1, 'counts.messagesFailed': 1, 'counts.messagesSkipped': 1 }).lean<Pick<InsightsDay, '_id' | 'counts'>[]>(),
  ]);
  const funnelByDay = new Map(rollups.map((rollup) => [rollup._id, rollup.funnels?.birthday]));
  const countsByDay = new Map<string, Counts>(insights.map((day) => [day._id, day.counts]));
  return businessDaysFrom(range.from, range.to).map((day) => {
    const funnel = funnelByDay.get(day);
    const counts = countsByDay.get(day);
    return {
      day,
      inputs: {
        birthdayReach: funnel?.reach ?? 0,
        birthdayClaim: funnel?.claim ?? 0,
        birthdayUse: funnel?.use ?? 0,
        promoters: counts?.nps?.promoter ?? 0,
        passives: counts?.nps?.passive ?? 0,
        detractors: counts?.nps?.detractor ?? 0,
        messagesSent: sumOf(counts?.messagesSent),
        messagesFailed: sumOf(counts?.messagesFailed),
        messagesSkipped: sumOf(counts?.messagesSkipped),
      },
    };
  });
}

/** The plans' KPIs over a range, each with its daily values and its target from the settings in force. */
export async function readKpis(range: { from: string; to: string }, settings: ProgramSettings): Promise<OpsInsightsKpisResponse> {
  const days = await readKpiInputs(range);
  const total = days.reduce((sum, day) => addKpiInputs(sum, day.inputs), emptyKpiInputs());
  return {
    kpis: KPI_NAMES.map((kpi) => {
      const target = settings.insights.targets[kpiTargetKeys[kpi]];
      const value = kpiValue(kpi, total);
      return {
        kpi,
        measured: MEASURED_KPIS.has(kpi),
        value,
        target,
        met: kpiMet(value, target),
        sample: kpiSample(kpi, total),
        days: days.map((day) => ({ day: day.day, value: kpiValue(kpi, day.inputs) })),
      };
    }),
  };
}
