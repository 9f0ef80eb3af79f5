import type { OpsAnalyticsDailyResponse, OpsAnalyticsFunnelResponse, OpsAnalyticsSegmentsResponse } from '@cakeday/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { renderConsole } from '../../../test/renderConsole';

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

const DAY_MS = 86_400_000;
const daysSpanned = (input: Record<string, unknown>) => (Date.parse(String(input.to)) - Date.parse(String(input.from))) / DAY_MS + 1;
/** A KPI card's value, by its title. */
const kpi = (title: string) =>
  [...document.querySelectorAll('.ant-statistic')].find((card) => card.querySelector('.ant-statistic-title')?.textContent === title)?.querySelector('.ant-statistic-content')?.textContent;
const chart = (name: string) => document.querySelector(`svg[aria-label="${name}"]`);

describe('数据看板', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.analytics.daily', () => ok(daily));
    bff.on('ops.analytics.segments', () => ok(segments));
    bff.on('ops.analytics.funnel', () => ok(funnel));
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
    // Counts only: analysts may take the table away.
    expect(screen.getByText('导出 CSV')).toBeTruthy();
    // Newest day first in the table.
    const rows = [...document.querySelectorAll('.ant-card tbody tr')].map((row) => row.textContent ?? '');
    expect(rows[0]).toContain('2026-06-02');

    expect(await screen.findByText('沉睡：45 人')).toBeTruthy();
    expect(screen.getByText(/更新于 2026-06-02 10:00:00，7 人待更新/)).toBeTruthy();
    expect(screen.getByText('0（无消费）')).toBeTruthy();

    expect(await screen.findByText('领取：60 人')).toBeTruthy();
    expect(screen.getByText('40.0%')).toBeTruthy();
    expect(screen.getByText('33.3%')).toBeTruthy();
    expect(bff.callsTo('ops.analytics.funnel')[0]).toMatchObject({ funnel: 'birthday' });
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
