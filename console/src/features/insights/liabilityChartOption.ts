import type { OpsInsightsLiabilityResponse } from '@cakeday/shared';
import type { ChartOption } from '../../components/charts/echartsCore';

type Month = OpsInsightsLiabilityResponse['months'][number];

/** Outstanding points by the Shanghai month they expire in, beside the part the redemption rate expects to be used. */
export function liabilityChartOption(months: readonly Month[]): ChartOption {
  return {
    grid: { left: 64, right: 16, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'category', data: months.map((month) => month.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '到期积分', type: 'bar', data: months.map((month) => month.points) },
      { name: '预计兑换积分', type: 'bar', data: months.map((month) => month.expectedRedeemedPoints) },
    ],
  };
}
