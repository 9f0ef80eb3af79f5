import { lifecycleStageNames, MEMBER_DAY_STAGES, TIER_LEVELS, tierNames, type MemberDayStage, type OpsAnalyticsMembersResponse } from '@cakeday/shared';
import type { ChartOption } from '../../components/charts/echartsCore';
import { shortDay } from './analyticsRange';

export type MemberDaysBreakdown = 'tiers' | 'stages';

export const memberDayStageName = (stage: MemberDayStage): string => (stage === 'pending' ? '待计算' : lifecycleStageNames[stage]);

/** Each breakdown's keys in order and their names. */
export const MEMBER_DAY_GROUPS: Record<MemberDaysBreakdown, { key: string; name: string }[]> = {
  tiers: TIER_LEVELS.map((tier) => ({ key: tier, name: tierNames[tier] })),
  stages: MEMBER_DAY_STAGES.map((stage) => ({ key: stage, name: memberDayStageName(stage) })),
};

/** Members per day as stacked areas, one per tier or per lifecycle stage (their sum is the day's members). */
export function memberDaysChartOption(days: OpsAnalyticsMembersResponse['days'], by: MemberDaysBreakdown): ChartOption {
  return {
    grid: { left: 56, right: 16, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', boundaryGap: false, data: days.map((day) => shortDay(day.day)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: MEMBER_DAY_GROUPS[by].map((group) => ({
      name: group.name,
      type: 'line' as const,
      stack: by,
      areaStyle: {},
      symbol: 'none',
      data: days.map((day) => (day[by] as Record<string, number>)[group.key] ?? 0),
    })),
  };
}
