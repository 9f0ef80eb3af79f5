import { businessInstant, EXPORT_TOTAL_HEADER } from '@cakeday/shared';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { Types } from 'mongoose';
import { consumeEvents, EVENT_SETTLE_MS } from '../events/consumeEvents';
import { EventCheckpointModel } from '../events/EventCheckpoint.model';
import { EventModel } from '../events/Event.model';
import { recordEvent, type EventDraft } from '../events/recordEvent';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { analyticsConsumer, createAnalyticsConsumer, type AnalyticsFaultPoint } from './analyticsConsumer';
import { DailyRollupModel } from './DailyRollup.model';
import { MemberStatsModel } from './MemberStats.model';

useTestDatabase();

const at = businessInstant;
const clock = { now: at('2026-06-03T09:00:00') };
const app = buildTestApp({ now: () => clock.now });
const afterSettling = { now: new Date(clock.now.getTime() + EVENT_SETTLE_MS + 1) };
class Crash extends Error {}

let analyst: string;
let memberA: string;
let memberB: string;

/** Two business days of activity by two members, with times near Shanghai midnight. */
function history(): EventDraft[] {
  const order = (id: string) => ({ type: 'order', id });
  return [
    // 00:30 in Shanghai on 1 June is still 31 May in UTC.
    { type: 'member.joined', key: `member.joined:${memberA}`, at: at('2026-06-01T00:30:00'), memberId: memberA },
    { type: 'order.paid', key: 'order.paid:o1', at: at('2026-06-01T10:00:00'), memberId: memberA, subject: order('o1'), props: { cashFen: 9_900 } },
    { type: 'points.earned', key: 'points.earned:o1', at: at('2026-06-01T10:00:01'), memberId: memberA, props: { points: 99 } },
    { type: 'message.sent', key: 'message.sent:b-birthday', at: at('2026-06-01T09:00:00'), memberId: memberB, props: { purpose: 'birthday' } },
    { type: 'benefit.claimed', key: 'benefit.claimed:c1', at: at('2026-06-01T23:59:00'), memberId: memberB },
    { type: 'order.paid', key: 'order.paid:o2', at: at('2026-06-02T00:01:00'), memberId: memberB, subject: order('o2'), props: { cashFen: 5_000 } },
    { type: 'order.refunded', key: 'order.refunded:o1', at: at('2026-06-02T11:00:00'), memberId: memberA, subject: order('o1'), props: { refundFen: 9_900 } },
    { type: 'coupon.used', key: 'coupon.used:cp1', at: at('2026-06-02T12:00:00'), memberId: memberB, props: { source: 'birthday' } },
    { type: 'points.spent', key: 'points.spent:o3', at: at('2026-06-02T12:30:00'), memberId: memberB, props: { points: 300 } },
    // A partial refund: the purchase stays, for what is left of it.
    { type: 'order.refunded', key: 'order.refunded:o2:part1', at: at('2026-06-02T13:00:00'), memberId: memberB, subject: order('o2'), props: { refundFen: 2_000 } },
  ];
}

const zeros = { newMembers: 0, activeMembers: 0, orders: 0, gmvFen: 0, refundedFen: 0, pointsIssued: 0, pointsRedeemed: 0, benefitClaims: 0 };
const expectedDays = [
  { day: '2026-05-31', ...zeros },
  { day: '2026-06-01', ...zeros, newMembers: 1, activeMembers: 2, orders: 1, gmvFen: 9_900, pointsIssued: 99, benefitClaims: 1 },
  { day: '2026-06-02', ...zeros, activeMembers: 1, orders: 1, gmvFen: 5_000, refundedFen: 11_900, pointsRedeemed: 300 },
];

const daily = async () => (await app.http.post('/api/ops.analytics.daily').set('Cookie', analyst).send({ from: '2026-05-31', to: '2026-06-02' })).body;
const funnel = async () => (await app.http.post('/api/ops.analytics.funnel').set('Cookie', analyst).send({ funnel: 'birthday', from: '2026-05-31', to: '2026-06-02' })).body;

async function startOver(): Promise<void> {
  await Promise.all([DailyRollupModel.deleteMany({}), MemberStatsModel.deleteMany({}), EventCheckpointModel.deleteMany({})]);
}

beforeAll(async () => {
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  memberA = (await buildMember({ createdAt: at('2026-06-01T00:30:00') }))._id.toHexString();
  memberB = (await buildMember({ createdAt: at('2025-03-01T12:00:00') }))._id.toHexString();
  for (const [index, draft] of history().entries()) await recordEvent(draft, new Date(at('2026-06-03T08:00:00').getTime() + index * 1000));
});

beforeEach(startOver);

describe('daily rollups from the event outbox', () => {
  it('counts each business day (Asia/Shanghai): members, activity, orders, GMV, refunds, points, claims', async () => {
    expect(await consumeEvents(analyticsConsumer, afterSettling)).toEqual({ handled: history().length });
    const body = await daily();
    expect(body.days).toEqual(expectedDays);
    expect(body.totals).toEqual({ newMembers: 1, activeMembers: 3, orders: 2, gmvFen: 14_900, refundedFen: 11_900, pointsIssued: 99, pointsRedeemed: 300, benefitClaims: 1 });
  });

  it('the birthday funnel: each member once per step, on the day they reached it, with the conversions', async () => {
    await consumeEvents(analyticsConsumer, afterSettling);
    // A second birthday claim by the same member in the same year does not count them again.
    await recordEvent({ type: 'benefit.claimed', key: 'benefit.claimed:c2', at: at('2026-06-02T13:00:00'), memberId: memberB }, at('2026-06-03T08:30:00'));
    await consumeEvents(analyticsConsumer, afterSettling);
    const body = await funnel();
    expect(body.steps).toEqual([
      { step: 'reach', members: 1, fromPreviousPermille: null, fromFirstPermille: null },
      { step: 'open', members: 0, fromPreviousPermille: 0, fromFirstPermille: 0 },
      { step: 'claim', members: 1, fromPreviousPermille: null, fromFirstPermille: 1000 },
      { step: 'use', members: 1, fromPreviousPermille: 1000, fromFirstPermille: 1000 },
    ]);
    expect(body.days.map((day: { steps: unknown }) => day.steps)).toEqual([
      { reach: 0, open: 0, claim: 0, use: 0 },
      { reach: 1, open: 0, claim: 1, use: 0 },
      { reach: 0, open: 0, claim: 0, use: 1 },
    ]);
    expect((await daily()).days[2].benefitClaims).toBe(1);
    await EventModel.deleteOne({ key: 'benefit.claimed:c2' });
  });

  it('keeps per member what RFM needs: purchases not refunded, last activity, active days', async () => {
    await consumeEvents(analyticsConsumer, afterSettling);
    const a = await MemberStatsModel.findById(memberA).lean();
    const b = await MemberStatsModel.findById(memberB).lean();
    expect(a).toMatchObject({ joinedAt: at('2026-06-01T00:30:00'), purchases: [], activeDays: ['2026-06-01'], lastActiveAt: at('2026-06-01T10:00:00') });
    expect(b).toMatchObject({
      joinedAt: at('2025-03-01T12:00:00'),
      purchases: [{ key: 'order:o2', at: at('2026-06-02T00:01:00'), fen: 3_000 }],
      activeDays: ['2026-06-01', '2026-06-02'],
      lastActiveAt: at('2026-06-02T12:30:00'),
      funnelSteps: ['birthday:2026:reach', 'birthday:2026:claim', 'birthday:2026:use'],
    });
  });

  it.each<AnalyticsFaultPoint>(['day', 'member'])('a crash after the %s step of every event, then a re-run, counts nothing twice', async (point) => {
    const crashed = new Set<string>();
    const crashing = createAnalyticsConsumer({
      after: (reached, event) => {
        if (reached !== point || crashed.has(event.key)) return;
        crashed.add(event.key);
        throw new Crash(`crash after ${reached} on ${event.key}`);
      },
    });
    let runs = 0;
    for (;;) {
      runs += 1;
      try {
        await consumeEvents(crashing, afterSettling);
        break;
      } catch (error) {
        if (!(error instanceof Crash)) throw error;
      }
    }
    expect(runs).toBe(history().length + 1);
    expect((await daily()).days).toEqual(expectedDays);
    expect((await MemberStatsModel.findById(memberB).lean())?.activeDays).toEqual(['2026-06-01', '2026-06-02']);
    expect((await MemberStatsModel.findById(memberB).lean())?.purchases.map((purchase) => purchase.fen)).toEqual([3_000]);
  });

  it('replayed events (a checkpoint moved back over the last one, a command retried) change nothing', async () => {
    await consumeEvents(analyticsConsumer, afterSettling);
    const last = await EventModel.findOne({ key: 'order.refunded:o2:part1' }).lean();
    const before = await EventModel.findOne({ key: 'points.spent:o3' }).lean();
    if (!last || !before) throw new Error('history not recorded');
    // The checkpoint as if the crash came after handling the last event, before moving past it.
    await EventCheckpointModel.updateOne({ _id: 'analytics' }, { $set: { recordedAt: before.recordedAt, eventId: before._id } });
    expect(await consumeEvents(analyticsConsumer, afterSettling)).toEqual({ handled: 1 });
    for (const draft of history()) expect(await recordEvent(draft, clock.now)).toBe(false);
    expect(await consumeEvents(analyticsConsumer, afterSettling)).toEqual({ handled: 0 });
    expect((await daily()).days).toEqual(expectedDays);
    expect((await MemberStatsModel.findById(memberB).lean())?.purchases.map((purchase) => purchase.fen)).toEqual([3_000]);
  });

  it('exports the daily table with the funnel as CSV (amounts in yuan), and puts the export on record', async () => {
    await consumeEvents(analyticsConsumer, afterSettling);
    const response = await app.http
      .post('/api/ops.analytics.export')
      .set('Cookie', analyst)
      .send({ from: '2026-05-31', to: '2026-06-02' })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });
    expect(response.status).toBe(200);
    expect(response.headers[EXPORT_TOTAL_HEADER.toLowerCase()]).toBe('3');
    expect((response.body as string).replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      '日期,新会员,活跃会员,订单,GMV（元）,退款（元）,积分发放,积分使用,权益领取,生日礼触达,生日礼打开,生日礼领取,生日礼使用',
      '2026-05-31,0,0,0,0.00,0.00,0,0,0,0,0,0,0',
      '2026-06-01,1,2,1,99.00,0.00,99,0,1,1,0,1,0',
      '2026-06-02,0,1,1,50.00,119.00,0,300,0,0,0,0,1',
    ]);
    expect(await AuditEntryModel.countDocuments({ action: 'ops.analytics.export', outcome: 'applied' })).toBe(1);
  });

  it('refuses a range that runs backwards or spans more than 366 days', async () => {
    const ask = (body: object) => app.http.post('/api/ops.analytics.daily').set('Cookie', analyst).send(body);
    expect((await ask({ from: '2026-06-02', to: '2026-06-01' })).status).toBe(400);
    expect((await ask({ from: '2025-01-01', to: '2026-01-02' })).status).toBe(400);
    expect((await ask({ from: '2025-01-02', to: '2026-01-02' })).body.days).toHaveLength(366);
  });

  it('forgets a deleted member’s stats, and keeps no stats for an unknown member', async () => {
    const gone = new Types.ObjectId().toHexString();
    await recordEvent({ type: 'order.paid', key: 'order.paid:ghost', at: at('2026-06-02T15:00:00'), memberId: gone, subject: { type: 'order', id: 'ghost' }, props: { cashFen: 100 } }, at('2026-06-03T08:40:00'));
    await recordEvent({ type: 'member.deleted', key: `member.deleted:${memberA}`, at: at('2026-06-02T16:00:00'), memberId: memberA }, at('2026-06-03T08:41:00'));
    await consumeEvents(analyticsConsumer, afterSettling);
    expect(await MemberStatsModel.exists({ _id: memberA })).toBeNull();
    expect(await MemberStatsModel.exists({ _id: gone })).toBeNull();
    expect((await daily()).days[2].orders).toBe(2);
    await EventModel.deleteMany({ key: { $in: ['order.paid:ghost', `member.deleted:${memberA}`] } });
  });
});
