import { COMMUNITY_ACTIVITY, communityActivityNames, type OpsInsightsActivityResponse } from '@cakeday/shared';
import type { ChartOption } from '../../components/charts/echartsCore';
import { shortDay } from '../analytics/analyticsRange';

type Activity = OpsInsightsActivityResponse;

export const OUTCOME_NAMES = { sent: '发送成功', failed: '发送失败', skipped: '跳过' } as const;

/** Messages per day, stacked by outcome. */
export function messagesChartOption(activity: Activity): ChartOption {
  return {
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: activity.days.map((day) => shortDay(day.day)) },
    yAxis: { type: 'value' },
    series: (['sent', 'failed', 'skipped'] as const).map((outcome) => ({
      name: OUTCOME_NAMES[outcome],
      type: 'bar' as const,
      stack: 'messages',
      data: activity.days.map((day) => day[outcome]),
    })),
  };
}

/** Why messages failed or were skipped, most frequent on top. */
export function reasonsChartOption(activity: Activity): ChartOption {
  const reasons = [...activity.reasons].reverse();
  return {
    grid: { left: 140, right: 24, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: reasons.map((reason) => `${OUTCOME_NAMES[reason.outcome]} · ${reason.reason}`) },
    series: [{ name: '条数', type: 'bar', data: reasons.map((reason) => reason.count) }],
  };
}

/** Community activity per day, one line each. */
export function communityChartOption(activity: Activity): ChartOption {
  return {
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: activity.days.map((day) => shortDay(day.day)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: COMMUNITY_ACTIVITY.map((name) => ({ name: communityActivityNames[name], type: 'line' as const, data: activity.days.map((day) => day[name]) })),
  };
}
