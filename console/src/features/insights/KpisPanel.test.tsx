import type { OpsInsightsKpisResponse } from '@cakeday/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { renderConsole } from '../../../test/renderConsole';
import { kpiChartOption } from './kpiChartOption';

/** A statistic's value in a KPI card, by its title. */
const statistic = (card: HTMLElement, title: string) =>
  [...card.querySelectorAll('.ant-statistic')].find((stat) => stat.querySelector('.ant-statistic-title')?.textContent === title)?.querySelector('.ant-statistic-content')?.textContent;
const days = (values: (number | null)[]) => values.map((value, index) => ({ day: `2026-11-2${7 + index}`, value }));
const kpis: OpsInsightsKpisResponse = {
  kpis: [
    { kpi: 'birthdayParticipation', measured: true, value: 225, target: 250, met: false, sample: 400, days: days([200, null, 300]) },
    { kpi: 'nps', measured: true, value: 45, target: 45, met: true, sample: 100, days: days([42.9, null, 50]) },
    { kpi: 'messageReach', measured: true, value: 650, target: 700, met: false, sample: 1000, days: days([666, null, 500]) },
    { kpi: 'benefitRedemption', measured: true, value: 500, target: 500, met: true, sample: 90, days: days([500, null, 500]) },
    { kpi: 'campaignRoi', measured: false, value: null, target: 1000, met: null, sample: 0, days: days([null, null, null]) },
  ],
};

describe('经营洞察 · 计划 KPI', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.insights.kpis', () => ok(kpis));
    bff.on('ops.insights.liability', () => ok(null));
  });

  it('shows each measured KPI against its target: verdict, chart, daily table and the CSV export', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/insights', { signedIn: true });

    const participation = await screen.findByTestId('kpi-birthdayParticipation');
    expect(within(participation).getByText('未达标')).toBeTruthy();
    expect(statistic(participation, '区间值')).toBe('22.5%');
    expect(statistic(participation, '目标')).toBe('25.0%');
    expect(statistic(participation, '样本')).toBe('400');
    expect(within(participation).getByRole('img', { name: '生日礼参与率与目标' })).toBeTruthy();
    // The chart's numbers in its table, newest day first, each row with the target.
    const rows = within(participation).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows).toEqual(['2026-11-2930.0%25.0%', '2026-11-28—25.0%', '2026-11-2720.0%25.0%']);
    expect(within(await screen.findByTestId('kpi-nps')).getByText('达标')).toBeTruthy();
    // What the rollups do not measure yet shows its target only.
    expect(screen.getByText('活动 ROI')).toBeTruthy();
    expect(screen.getByText('导出 CSV')).toBeTruthy();
    await waitFor(() => expect(bff.callsTo('ops.insights.kpis')).toHaveLength(1));
  });
});

describe('kpiChartOption', () => {
  it('draws the daily values in percent and the target as a dashed line labelled with it', () => {
    const option = kpiChartOption(kpis.kpis[0]!);
    const series = option.series as { data: (number | null)[]; markLine: { data: { yAxis: number }[]; label: { formatter: string } } }[];
    expect(series[0]?.data).toEqual([20, null, 30]);
    expect(series[0]?.markLine.data).toEqual([{ name: '目标', yAxis: 25 }]);
    expect(series[0]?.markLine.label.formatter).toBe('目标 25.0%');
    const nps = kpiChartOption(kpis.kpis[1]!).series as { markLine: { data: { yAxis: number }[] } }[];
    expect(nps[0]?.markLine.data[0]?.yAxis).toBe(45);
  });
});
