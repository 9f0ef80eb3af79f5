import { businessInstant } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { InsightsDayModel } from './InsightsDay.model';

useTestDatabase();
let app: TestApp;
let analyst: string;

beforeAll(async () => {
  app = buildTestApp({ now: () => businessInstant('2026-11-29T10:00:00') });
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
});

const range = { from: '2026-11-28', to: '2026-11-29' };

beforeEach(async () => {
  await InsightsDayModel.deleteMany({});
  await InsightsDayModel.create([
    {
      _id: '2026-11-28',
      counts: {
        messagesSent: { wechat: 80, sms: 10 },
        messagesFailed: { errcode_43101: 5, unknown: 1 },
        messagesSkipped: { cap: 4 },
        failedByChannel: { wechat: 5, sms: 1 },
        skippedByChannel: { wechat: 4 },
        community: { posts: 3 },
        help: { started: 2, unlocked: 1 },
      },
      applied: [],
    },
    { _id: '2026-11-29', counts: { messagesSent: { wechat: 20 }, messagesSkipped: { cap: 6 }, skippedByChannel: { wechat: 6 }, referrals: { bound: 1 } }, applied: [] },
  ]);
});

describe('ops.insights.activity', () => {
  it('messages by day, channel and reason, and community activity, from the daily counts', async () => {
    const response = await app.http.post('/api/ops.insights.activity').set('Cookie', analyst).send(range);
    expect(response.status).toBe(200);
    expect(response.body.days).toEqual([
      { day: '2026-11-28', sent: 90, failed: 6, skipped: 4, posts: 3, helpStarted: 2, helpUnlocked: 1, referralsBound: 0, referralsRewarded: 0 },
      { day: '2026-11-29', sent: 20, failed: 0, skipped: 6, posts: 0, helpStarted: 0, helpUnlocked: 0, referralsBound: 1, referralsRewarded: 0 },
    ]);
    expect(response.body.channels).toEqual([
      { channel: 'sms', sent: 10, failed: 1, skipped: 0, reachPermille: 909 },
      { channel: 'wechat', sent: 100, failed: 5, skipped: 10, reachPermille: 869 },
    ]);
    expect(response.body.reasons).toEqual([
      { outcome: 'skipped', reason: 'cap', count: 10 },
      { outcome: 'failed', reason: 'errcode_43101', count: 5 },
      { outcome: 'failed', reason: 'unknown', count: 1 },
    ]);
    expect(response.body.totals).toMatchObject({ sent: 110, failed: 6, skipped: 10, posts: 3 });
  });

  it('exports the daily table as CSV', async () => {
    const csv = await app.http.post('/api/ops.insights.activityExport').set('Cookie', analyst).send(range);
    expect(csv.status).toBe(200);
    expect((csv.text as string).replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      '日期,消息发送,消息失败,消息跳过,社区发帖,发起助力,助力成功,邀请绑定,邀请奖励',
      '2026-11-28,90,6,4,3,2,1,0,0',
      '2026-11-29,20,0,6,0,0,0,1,0',
    ]);
  });
});
