import type { OpsAnalyticsDailyResponse, OpsAnalyticsFunnelResponse, OpsAnalyticsMembersResponse, OpsAnalyticsSegmentsResponse } from '@cakeday/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { renderConsole } from '../../../test/renderConsole';
import { funnelChartOption } from './funnelChartOption';
import { memberDaysChartOption } from './memberDaysChartOption';

const zeros = { newMembers: 0, activeMembers: 0, orders: 0, gmvFen: 0, refundedFen: 0, pointsIssued: 0, pointsRedeemed: 0, benefitClaims: 0 };
const daily: OpsAnalyticsDailyResponse = {
  days: [
    { day: '2026-06-01', ...zeros, newMembers: 1, activeMembers: 2, orders: 1, gmvFen: 9_900, pointsIssued: 99, benefitClaims: 1 },
    { day: '2026-06-02', ...zeros, activeMembers: 1, orders: 3, gmvFen: 5_000, refundedFen: 9_900, pointsRedeemed: 300 },
  ],
  totals: { newMembers: 1, activeMembers: 3, orders: 4, gmvFen: 14_900, refundedFen: 9_900, pointsIssued: 99, pointsRedeemed: 300, benefitClaims: 1 },
};
const scores = (counts: number[]) => counts.map((members, score) => ({ score, members }));
const segments: OpsAnalyticsSegmentsResponse = {
  stages: [
    { stage: 'new', members: 120 },
    { stage: 'active', members: 300 },
    { stage: 'silent', members: 45 },
    { stage: 'at_risk', members: 20 },
    { stage: 'lost', members: 15 },
  ],
  rfm: { r: scores([100, 50, 60, 70, 80, 140]), f: scores([100, 200, 100, 50, 30, 20]), m: scores([100, 150, 100, 80, 50, 20]) },
  members: 500,
  pending: 7,
  segmentedAt: '2026-06-02T10:00:00+08:00',
};
const funnel: OpsAnalyticsFunnelResponse = {
  funnel: 'birthday',
  steps: [
    { step: 'reach', members: 200, fromPreviousPermille: null, fromFirstPermille: null },
    { step: 'open', members: 150, fromPreviousPermille: 750, fromFirstPermille: 750 },
    { step: 'claim', members: 60, fromPreviousPermille: 400, fromFirstPermille: 300 },
    { step: 'use', members: 20, fromPreviousPermille: 333, fromFirstPermille: 100 },
  ],
  days: [],
};
const stages = { new: 0, active: 0, silent: 0, at_risk: 0, lost: 0, pending: 0 };
const memberDays: OpsAnalyticsMembersResponse = {
  days: [
    { day: '2026-06-01', members: 10, tiers: { basic: 8, gold: 2, diamond: 0 }, stages: { ...stages, new: 4, active: 5, pending: 1 }, estimated: true },
    { day: '2026-06-02', members: 12, tiers: { basic: 9, gold: 2, diamond: 1 }, stages: { ...stages, new: 5, active: 6, silent: 1 }, estimated: false },
  ],
};

const DAY_MS = 86_400_000;
const daysSpanned = (input: Record<string, unknown>) => (Date.parse(String(input.to)) - Date.parse(String(input.from))) / DAY_MS + 1;
/** A KPI card's value, by its title. */
const kpi = (title: string) =>
  [...document.querySelectorAll('.ant-statistic')].find((card) => card.querySelector('.ant-statistic-title')?.textContent === title)?.querySelector('.ant-statistic-content')?.textContent;
const chart = (name: string) => document.querySelector(`svg[aria-label="${name}"]`);
const rowsOf = (element: Element) => [...element.querySelectorAll('tbody tr.ant-table-row')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));

describe('数据看板', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.analytics.daily', () => ok(daily));
    bff.on('ops.analytics.segments', () => ok(segments));
    bff.on('ops.analytics.funnel', () => ok(funnel));
    bff.on('ops.analytics.members', () => ok(memberDays));
  });

  it('shows an analyst the KPIs of the last 30 business days, their daily trend and table, segment sizes and the birthday funnel', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/analytics', { signedIn: true });

    expect(await screen.findByText('¥149')).toBeTruthy();
    expect(kpi('积分使用')).toBe('300');
    expect(kpi('退款')).toBe('¥99');
    expect(bff.callsTo('ops.analytics.daily').map(daysSpanned)).toEqual([30]);

    // The trend is GMV until another KPI is picked; each point says its day and value.
    await waitFor(() => expect(chart('每日GMV')).toBeTruthy());
    expect([...(chart('每日GMV')?.querySelectorAll('circle title') ?? [])].map((title) => title.textContent)).toEqual(['2026-06-01：¥99', '2026-06-02：¥50']);
    fireEvent.click(document.querySelector('.ant-segmented-item-label[title="订单"]') as HTMLElement);
    await waitFor(() => expect(chart('每日订单')).toBeTruthy());
    expect([...(chart('每日订单')?.querySelectorAll('circle title') ?? [])].map((title) => title.textContent)).toEqual(['2026-06-01：1', '2026-06-02：3']);
    // Counts only: analysts may take the tables away (the daily table, members over time, the funnel's days).
    await waitFor(() => expect(screen.getAllByText('导出 CSV')).toHaveLength(3));
    // Newest day first in the table.
    const rows = [...document.querySelectorAll('.ant-card tbody tr')].map((row) => row.textContent ?? '');
    expect(rows[0]).toContain('2026-06-02');

    expect(await screen.findByText('沉睡：45 人')).toBeTruthy();
    expect(screen.getByText(/更新于 2026-06-02 10:00:00，7 人待更新/)).toBeTruthy();
    expect(screen.getByText('0（无消费）')).toBeTruthy();

    // The funnel: an ECharts chart of the steps, its numbers in the table beside it.
    await waitFor(() => expect(document.querySelector('[role="img"][aria-label="生日礼漏斗各步人数"]')).toBeTruthy());
    const funnelCard = document.querySelector('[role="img"][aria-label="生日礼漏斗各步人数"]')?.closest('.ant-card') as Element;
    expect(rowsOf(funnelCard)).toEqual([
      ['触达', '200', '—', '—'],
      ['打开', '150', '75.0%', '75.0%'],
      ['领取', '60', '40.0%', '30.0%'],
      ['使用', '20', '33.3%', '10.0%'],
    ]);
    expect(bff.callsTo('ops.analytics.funnel')[0]).toMatchObject({ funnel: 'birthday' });

    // Members by tier (or stage) over time, newest day first in the table; a day filled in later says so.
    await waitFor(() => expect(document.querySelector('[role="img"][aria-label="每日各等级会员数"]')).toBeTruthy());
    const membersCard = document.querySelector('[role="img"][aria-label="每日各等级会员数"]')?.closest('.ant-card') as Element;
    expect(rowsOf(membersCard)).toEqual([
      ['2026-06-02', '12', '9', '2', '1'],
      ['2026-06-01估算', '10', '8', '2', '0'],
    ]);
    fireEvent.click(membersCard.querySelector('.ant-segmented-item-label[title="按生命周期"]') as HTMLElement);
    await waitFor(() => expect(document.querySelector('[role="img"][aria-label="每日各生命周期阶段会员数"]')).toBeTruthy());
    expect(rowsOf(membersCard)[0]).toEqual(['2026-06-02', '12', '5', '6', '1', '0', '0', '0']);
    expect(bff.callsTo('ops.analytics.members').map(daysSpanned)).toEqual([30]);
  });

  it('asks again for the range picked', async () => {
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    renderConsole('/analytics', { signedIn: true });
    expect(await screen.findByText('¥149')).toBeTruthy();
    fireEvent.click(screen.getByText('近 7 天'));
    await waitFor(() => expect(bff.callsTo('ops.analytics.daily').map(daysSpanned)).toEqual([30, 7]));
    expect(bff.callsTo('ops.analytics.funnel').map(daysSpanned)).toEqual([30, 7]);
  });

  it('says what went wrong when the BFF refuses', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    bff.on('ops.analytics.daily', () => refused(403, 'FORBIDDEN'));
    renderConsole('/analytics', { signedIn: true });
    expect(await screen.findByText(/权限|无权/)).toBeTruthy();
  });

  it('is not a page a store manager opens', async () => {
    bff.on('ops.me', () => ok(sessionOf(['store_manager'])));
    renderConsole('/analytics', { signedIn: true });
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(bff.callsTo('ops.analytics.daily')).toEqual([]);
  });
});

describe('funnelChartOption', () => {
  it('draws a bar per step, the first step on top, labelled with the conversion from the step before', () => {
    const option = funnelChartOption(funnel.steps);
    expect((option.yAxis as { data: string[] }).data).toEqual(['使用', '领取', '打开', '触达']);
    const [bars] = option.series as { type: string; data: number[]; label: { formatter: (params: { dataIndex: number }) => string } }[];
    expect(bars?.type).toBe('bar');
    expect(bars?.data).toEqual([20, 60, 150, 200]);
    expect([0, 1, 2, 3].map((dataIndex) => bars?.label.formatter({ dataIndex }))).toEqual(['20（33.3%）', '60（40.0%）', '150（75.0%）', '200']);
  });
});

describe('memberDaysChartOption', () => {
  it('stacks one area per tier, or per lifecycle stage, day by day', () => {
    const byTier = memberDaysChartOption(memberDays.days, 'tiers').series as { name: string; stack: string; areaStyle: object; data: number[] }[];
    expect(byTier.map((series) => [series.name, series.data])).toEqual([
      ['普卡', [8, 9]],
      ['金卡', [2, 2]],
      ['钻石卡', [0, 1]],
    ]);
    expect(new Set(byTier.map((series) => series.stack)).size).toBe(1);
    expect(byTier.every((series) => series.areaStyle)).toBe(true);
    const byStage = memberDaysChartOption(memberDays.days, 'stages').series as { name: string; data: number[] }[];
    expect(byStage.map((series) => [series.name, series.data])).toEqual([
      ['新会员', [4, 5]],
      ['活跃', [5, 6]],
      ['沉睡', [0, 1]],
      ['濒临流失', [0, 0]],
      ['已流失', [0, 0]],
      ['待计算', [1, 0]],
    ]);
  });
});
