import type { OpsInsightsActivityResponse } from '@cakeday/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { renderConsole } from '../../../test/renderConsole';
import { messagesChartOption, reasonsChartOption } from './activityChartOptions';

const none = { posts: 0, helpStarted: 0, helpUnlocked: 0, referralsBound: 0, referralsRewarded: 0 };
const activity: OpsInsightsActivityResponse = {
  days: [
    { day: '2026-11-28', sent: 90, failed: 6, skipped: 4, ...none, posts: 3 },
    { day: '2026-11-29', sent: 20, failed: 0, skipped: 6, ...none, referralsBound: 1 },
  ],
  channels: [{ channel: 'sms', sent: 10, failed: 1, skipped: 0, reachPermille: 909 }],
  reasons: [
    { outcome: 'skipped', reason: 'cap', count: 10 },
    { outcome: 'failed', reason: 'errcode_43101', count: 5 },
  ],
  totals: { sent: 110, failed: 6, skipped: 10, ...none, posts: 3, referralsBound: 1 },
};

describe('经营洞察 · 消息与社区', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.insights.kpis', () => ok({ kpis: [] }));
    bff.on('ops.insights.activity', () => ok(activity));
  });

  it('draws each chart with its table beside it, and offers the CSV', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/insights', { signedIn: true });
    fireEvent.click(await screen.findByRole('tab', { name: '消息与社区' }));

    expect(await screen.findByRole('img', { name: '每日消息发送结果' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '失败与跳过原因' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '每日社区活跃' })).toBeTruthy();
    const messages = screen.getByText('消息发送结果').closest('.ant-card') as HTMLElement;
    expect(within(messages).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['2026-11-292006', '2026-11-289064']);
    expect(screen.getByText('90.9%')).toBeTruthy();
    expect(screen.getByText('errcode_43101')).toBeTruthy();
    expect(screen.getAllByText('导出 CSV').length).toBeGreaterThan(0);
  });
});

describe('activity chart options', () => {
  it('stacks the day’s outcomes and puts the most frequent reason on top', () => {
    const messages = messagesChartOption(activity).series as { name: string; stack: string; data: number[] }[];
    expect(messages.map((series) => [series.name, series.stack, series.data])).toEqual([
      ['发送成功', 'messages', [90, 20]],
      ['发送失败', 'messages', [6, 0]],
      ['跳过', 'messages', [4, 6]],
    ]);
    const reasons = reasonsChartOption(activity);
    expect((reasons.yAxis as { data: string[] }).data).toEqual(['发送失败 · errcode_43101', '跳过 · cap']);
  });
});
