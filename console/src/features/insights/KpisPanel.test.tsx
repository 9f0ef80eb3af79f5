import type { OpsInsightsKpisResponse } from '@cakeday/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
    { kpi: 'birthdayRetentionLift', measured: true, value: 12.5, target: 5, met: true, sample: 40, days: days([10, null, 15]) },
    { kpi: 'campaignRoi', measured: true, value: 43_871, target: 1000, met: true, sample: 4, days: days([null, null, 43_871]) },
    { kpi: 'repurchase', measured: false, value: null, target: 300, met: null, sample: 0, days: days([null, null, null]) },
  ],
  basis: { retentionWindowDays: 30, smsFen: 5, subscriptionMessageFen: 0, couponWithoutFaceFen: 1000 },
  campaigns: [
    { campaignId: 'c1', name: '双十一回购', gmvFen: 70_000, messages: 2, messageCostFen: 60, couponsUsed: 2, benefitCostFen: 1_500, costFen: 1_560, roiPermille: 43_871 },
    { campaignId: 'c2', name: '沉睡唤醒', gmvFen: 0, messages: 100, messageCostFen: 500, couponsUsed: 0, benefitCostFen: 0, costFen: 500, roiPermille: -1000 },
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
    // A KPI not measured shows its target only.
    expect(screen.getByText('复购率')).toBeTruthy();
    expect(screen.getByText('导出 CSV')).toBeTruthy();
    await waitFor(() => expect(bff.callsTo('ops.insights.kpis')).toHaveLength(1));
  });

  it('explains how each KPI is measured: the retention baseline with its window, ROI with its unit costs', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/insights', { signedIn: true });
    const retention = await screen.findByTestId('kpi-birthdayRetentionLift');
    expect(within(retention).getByText(/同一批已填写生日的会员在非生日月份的留存率/).textContent).toContain('第一笔实付订单后 30 天内再次下单');
    expect(statistic(retention, '区间值')).toBe('+12.5 个百分点');
    const roi = screen.getByTestId('kpi-campaignRoi');
    expect(within(roi).getByText(/（归因 GMV − 成本）÷ 成本/).textContent).toContain('短信 0.05 元/条');
    expect(statistic(roi, '区间值')).toBe('4387.1%');
  });

  it('shows each campaign’s ROI with its GMV and costs, a campaign under the target in red', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/insights', { signedIn: true });
    const table = await screen.findByTestId('kpi-campaigns');
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['双十一回购', '¥700.00', '2', '¥0.60', '2', '¥15.00', '¥15.60', '4387.1%'],
      ['沉睡唤醒', '¥0.00', '100', '¥5.00', '0', '¥0.00', '¥5.00', '-100.0%'],
    ]);
    expect(within(table).getByText('-100.0%').closest('.ant-typography-danger')).toBeTruthy();
  });

  it('the range bar reloads the KPIs for the range chosen', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/insights', { signedIn: true });
    await screen.findByTestId('kpi-campaigns');
    fireEvent.click(screen.getAllByText('近 7 天')[0] as HTMLElement);
    await waitFor(() => expect(bff.callsTo('ops.insights.kpis')).toHaveLength(2));
    const [from, to] = [bff.callsTo('ops.insights.kpis')[1]?.from, bff.callsTo('ops.insights.kpis')[1]?.to].map((day) => Date.parse(String(day)));
    expect(((to ?? 0) - (from ?? 0)) / 86_400_000).toBe(6);
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
