import type { CampaignVariantResult, OpsCampaignsResultsResponse } from '@cakeday/shared';
import type { ChartOption } from '../../components/charts/echartsCore';

type Lift = NonNullable<OpsCampaignsResultsResponse['lift']>;

/** One comparison the campaign's results make: what against what, and the lift measured. */
export interface LiftRow {
  key: string;
  comparison: string;
  lift: Lift;
}

/** The campaign against its holdout, then each variant against the first (the control), where measured. */
export function liftRowsOf(results: Pick<OpsCampaignsResultsResponse, 'lift' | 'variants'>): LiftRow[] {
  const control: CampaignVariantResult | undefined = results.variants[0];
  const rows: LiftRow[] = results.lift ? [{ key: 'holdout', comparison: '触达组 对比 对照组', lift: results.lift }] : [];
  for (const variant of results.variants.slice(1)) {
    if (variant.vsControl && control) rows.push({ key: `variant:${variant.key}`, comparison: `${variant.name} 对比 ${control.name}`, lift: variant.vsControl });
  }
  return rows;
}

/** A rate difference (0.032) in percentage points, one decimal (3.2). */
export const percentagePoints = (rate: number): number => Math.round(rate * 1000) / 10;

/**
 * A forest plot: each comparison's lift in percentage points as a point, its 95% confidence interval as a bar through
 * it, and a line at zero (no lift). The first comparison on top.
 */
export function liftChartOption(rows: readonly LiftRow[]): ChartOption {
  const topDown = [...rows].reverse();
  const names = topDown.map((row) => row.comparison);
  return {
    grid: { left: 150, right: 24, top: 16, bottom: 28 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: '百分点', nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: '{value}' } },
    yAxis: { type: 'category', data: names },
    series: [
      ...topDown.map((row) => ({
        name: '95% 置信区间',
        type: 'line' as const,
        symbol: 'rect',
        symbolSize: [2, 12],
        lineStyle: { width: 3 },
        tooltip: { valueFormatter: (value: unknown) => String(value) },
        data: [
          [percentagePoints(row.lift.interval[0]), row.comparison],
          [percentagePoints(row.lift.interval[1]), row.comparison],
        ],
      })),
      {
        name: '提升',
        type: 'scatter' as const,
        symbolSize: 10,
        data: topDown.map((row) => [percentagePoints(row.lift.difference), row.comparison]),
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed' }, label: { formatter: '无提升' }, data: [{ name: '无提升', xAxis: 0 }] },
      },
    ],
  };
}
