import { formatKpi, kpiNames, kpiUnits, type OpsInsightsKpisResponse } from '@cakeday/shared';
import type { ChartOption } from '../../components/charts/echartsCore';
import { shortDay } from '../analytics/analyticsRange';

export type KpiResult = OpsInsightsKpisResponse['kpis'][number];

/** Per mille shares plot as percentages, NPS and percentage points as they are. */
const plotted = (kpi: KpiResult, value: number): number => (kpiUnits[kpi.kpi] === 'permille' ? value / 10 : value);

/** A KPI's daily values as a line, its target as a dashed horizontal line labelled 目标. */
export function kpiChartOption(kpi: KpiResult): ChartOption {
  const target = plotted(kpi, kpi.target);
  return {
    grid: { left: 48, right: 72, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: kpi.days.map((day) => shortDay(day.day)) },
    yAxis: { type: 'value', axisLabel: { formatter: kpiUnits[kpi.kpi] === 'permille' ? '{value}%' : '{value}' } },
    series: [
      {
        name: kpiNames[kpi.kpi],
        type: 'line',
        connectNulls: true,
        data: kpi.days.map((day) => (day.value === null ? null : plotted(kpi, day.value))),
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#cf1322' },
          label: { formatter: `目标 ${formatKpi(kpi.kpi, kpi.target)}` },
          data: [{ name: '目标', yAxis: target }],
        },
      },
    ],
  };
}
