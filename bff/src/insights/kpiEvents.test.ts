import { businessInstant } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CampaignGmvDayModel } from '../campaigns/results/CampaignGmvDay.model';
import { CampaignResultModel } from '../campaigns/results/CampaignResult.model';
import { campaignResultsConsumerFor } from '../campaigns/results/campaignResultsJob';
import { CampaignTouchesModel } from '../campaigns/results/CampaignTouches.model';
import { consumeEvents, EVENT_SETTLE_MS } from '../events/consumeEvents';
import { EventCheckpointModel } from '../events/EventCheckpoint.model';
import { recordEvent, type EventDraft } from '../events/recordEvent';
import { buildTestApp, type TestApp } from '../test/app';
import { buildCampaign } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { saveTestSettings, settingsWith } from '../test/settings';
import { AlertModel } from './Alert.model';
import { evaluateAlerts } from './evaluateAlerts';
import { createInsightsConsumer, insightsConsumerFor } from './insightsConsumer';
import { InsightsBuyerModel } from './InsightsBuyer.model';
import { InsightsDayModel } from './InsightsDay.model';

useTestDatabase();
const at = businessInstant;
const clock = { now: at('2026-12-02T10:00:00') };
const afterSettling = { now: new Date(clock.now.getTime() + EVENT_SETTLE_MS + 1) };
const range = { from: '2026-11-01', to: '2026-11-30' };
class Crash extends Error {}

let app: TestApp;
let analyst: string;
let campaignId: string;
const members = { celebrant: '', march: '', none: '', june: '' };

/**
 * November, crafted: the celebrant (birthday 15 Nov) buys on the 3rd and 10th; March's member bought on 20 Oct and
 * twice on 5 Nov (a campaign's SMS reached them on 1 Nov); the member without a birthday buys on the 20th; June's
 * member once on the 8th; a walk-in at a till on the 21st. Two claims start, one completes. The campaign's two
 * messages (an SMS, a subscription message) and two coupons used (one ¥10 off, one free item) are its cost.
 */
function november(): EventDraft[] {
  const order = (id: string, memberId: string | null, day: string, fen: number, type: 'order.paid' | 'purchase.recorded' = 'order.paid'): EventDraft => ({
    type,
    key: `${type}:${id}`,
    at: at(`${day}T12:00:00`),
    memberId,
    subject: { type: type === 'order.paid' ? 'order' : 'purchase', id },
    props: type === 'order.paid' ? { cashFen: fen } : { amountFen: fen },
  });
  const campaign = { campaignId, variant: 'default' };
  return [
    order('o0', members.march, '2026-10-20', 5_000),
    { type: 'campaign.assigned', key: `campaign.assigned:${members.march}`, at: at('2026-11-01T09:00:00'), memberId: members.march, props: campaign },
    { type: 'message.sent', key: `message.sent:${members.march}`, at: at('2026-11-01T09:00:01'), memberId: members.march, props: { ...campaign, purpose: 'campaign', channel: 'sms' } },
    { type: 'message.sent', key: `message.sent:${members.june}`, at: at('2026-11-01T09:00:02'), memberId: members.june, props: { ...campaign, purpose: 'campaign', channel: 'wechat_subscription' } },
    order('o1', members.celebrant, '2026-11-03', 10_000),
    order('o2', members.march, '2026-11-05', 30_000),
    order('p1', members.march, '2026-11-05', 40_000, 'purchase.recorded'),
    { type: 'coupon.used', key: 'coupon.used:c1', at: at('2026-11-06T12:00:00'), memberId: members.march, props: { source: 'campaign', campaignId, faceFen: 1_000 } },
    order('o3', members.june, '2026-11-08', 8_000),
    { type: 'coupon.used', key: 'coupon.used:c2', at: at('2026-11-09T12:00:00'), memberId: members.june, props: { source: 'campaign', campaignId } },
    order('o4', members.celebrant, '2026-11-10', 20_000),
    { type: 'benefit.claimStarted', key: 'benefit.claimStarted:a', at: at('2026-11-12T10:00:00'), memberId: members.celebrant, props: { packageCode: 'p', celebrationYear: 2026 } },
    { type: 'benefit.claimed', key: 'benefit.claimed:a', at: at('2026-11-12T10:00:00'), memberId: members.celebrant, props: { packageCode: 'p', celebrationYear: 2026, coupons: 1 } },
    // A claim that started and never completed (its coupons failed to issue): half done.
    { type: 'benefit.claimStarted', key: 'benefit.claimStarted:b', at: at('2026-11-13T10:00:00'), memberId: members.march, props: { packageCode: 'p', celebrationYear: 2026 } },
    order('o5', members.none, '2026-11-20', 42_000),
    order('p2', null, '2026-11-21', 45_000, 'purchase.recorded'),
  ];
}

const kpis = async () => {
  const response = await app.http.post('/api/ops.insights.kpis').set('Cookie', analyst).send(range);
  expect(response.status).toBe(200);
  return response.body as { kpis: { kpi: string; value: number | null; sample: number; days: { day: string; value: number | null }[] }[]; campaigns: unknown[] };
};
const valuesOf = (body: Awaited<ReturnType<typeof kpis>>) => Object.fromEntries(body.kpis.map((kpi) => [kpi.kpi, { value: kpi.value, sample: kpi.sample }]));
const consumeAll = async () => {
  await consumeEvents(insightsConsumerFor(app.deps), afterSettling);
  await consumeEvents(campaignResultsConsumerFor(app.deps), afterSettling);
};

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  campaignId = (await buildCampaign({ name: '双十一回购', createdAt: at('2026-10-30T10:00:00') }))._id.toHexString();
  const created = at('2025-01-01T10:00:00');
  members.celebrant = (await buildMember({ birthday: { month: 11, day: 15, year: 1990 }, createdAt: created }))._id.toHexString();
  members.march = (await buildMember({ birthday: { month: 3, day: 3, year: 1992 }, createdAt: created }))._id.toHexString();
  members.none = (await buildMember({ birthday: null, createdAt: created }))._id.toHexString();
  members.june = (await buildMember({ birthday: { month: 6, day: 1, year: 1988 }, createdAt: created }))._id.toHexString();
  await saveTestSettings(app.deps, { insights: { costs: { smsFen: 50, subscriptionMessageFen: 10, couponWithoutFaceFen: 500 } } }, { from: new Date('2026-01-01T00:00:00Z') });
  for (const [index, draft] of november().entries()) await recordEvent(draft, new Date(at('2026-12-01T08:00:00').getTime() + index * 1000));
});

beforeEach(async () => {
  await Promise.all([InsightsDayModel.deleteMany({}), InsightsBuyerModel.deleteMany({}), CampaignGmvDayModel.deleteMany({}), CampaignResultModel.deleteMany({}), CampaignTouchesModel.deleteMany({}), EventCheckpointModel.deleteMany({})]);
});

/** What November's events come to (worked out by hand in the comments). */
const EXPECTED = {
  // 30,000 of 195,000 paid by the celebrant in their birthday month: 15.3%.
  birthdayGmvShare: { value: 153, sample: 7 },
  // Birthday member-months: 1, retained (3rd → 10th). Others (members with a birthday): March's Nov (5th, retained
  // by the till purchase the same day) and June's (8th, never): 50%. +50 points, on the smaller cohort of 1.
  birthdayRetentionLift: { value: 50, sample: 1 },
  // 1 of 2 claims started was issued whole.
  birthdayBenefitCompletion: { value: 500, sample: 2 },
  // Four members bought in November (the walk-in is nobody), the celebrant and March's member twice: 50%.
  repurchase: { value: 500, sample: 4 },
  // Attributed: March's 30,000 + 40,000 after the SMS. Cost: SMS 50 + subscription message 10 + coupons 1,000 + 500
  // = 1,560. (70,000 − 1,560) / 1,560 = 4387.2%. Sample: 2 messages + 2 coupons.
  campaignRoi: { value: 43_871, sample: 4 },
};

describe('the five KPIs from crafted events', () => {
  it('computes GMV share, retention lift, completion, repurchase and ROI over the range, with each campaign', async () => {
    await consumeAll();
    const body = await kpis();
    expect(valuesOf(body)).toMatchObject(EXPECTED);
    expect(body.campaigns).toEqual([
      { campaignId, name: '双十一回购', gmvFen: 70_000, messages: 2, messageCostFen: 60, couponsUsed: 2, benefitCostFen: 1_500, costFen: 1_560, roiPermille: 43_871 },
    ]);
    // Per day: on the 5th March's member bought twice; on the 3rd only the celebrant bought, in their birthday month.
    const day = (kpi: string, date: string) => body.kpis.find((entry) => entry.kpi === kpi)?.days.find((entry) => entry.day === date)?.value;
    expect(day('repurchase', '2026-11-05')).toBe(1000);
    expect(day('repurchase', '2026-11-03')).toBe(0);
    expect(day('birthdayGmvShare', '2026-11-03')).toBe(1000);
    expect(day('birthdayGmvShare', '2026-11-20')).toBe(0);
    expect(day('birthdayBenefitCompletion', '2026-11-13')).toBe(0);
    expect(day('campaignRoi', '2026-11-05')).toBeNull();
  });

  it("a narrower range counts buyers within it: 5–10 Nov has three buyers, March's member twice", async () => {
    await consumeAll();
    const response = await app.http.post('/api/ops.insights.kpis').set('Cookie', analyst).send({ from: '2026-11-05', to: '2026-11-10' });
    expect(response.body.kpis.find((kpi: { kpi: string }) => kpi.kpi === 'repurchase')).toMatchObject({ value: 333, sample: 3 });
  });

  it('a replay of every event (checkpoints lost) counts nothing twice', async () => {
    await consumeAll();
    const first = await kpis();
    await EventCheckpointModel.deleteMany({});
    await consumeAll();
    expect(await kpis()).toEqual(first);
  });

  it('a crash after the days were added to, before the buyer was written: the re-delivery finishes without counting twice', async () => {
    const crashOn = 'purchase.recorded:p1';
    let crashed = false;
    const crashing = createInsightsConsumer(async () => 30, {
      afterDays: (event) => {
        if (event.key === crashOn && !crashed) {
          crashed = true;
          throw new Crash('after the days');
        }
      },
    });
    await expect(consumeEvents(crashing, afterSettling)).rejects.toThrow(Crash);
    await consumeAll();
    expect(valuesOf(await kpis())).toMatchObject(EXPECTED);
    expect((await InsightsBuyerModel.findById(members.march).lean())?.lastDays).toEqual(['2026-11-05', '2026-11-05']);
  });

  it('the alerts job judges the new KPIs too: completion, repurchase and ROI under their targets alert', async () => {
    await consumeAll();
    const now = at('2026-11-14T09:00:00');
    // The 7 days ending 13 Nov: both claims (1 of 2 whole), two buyers once each (June's 8th, the celebrant's 10th),
    // the free-item coupon used on the 9th (500 of cost, nothing attributed) and the celebrant's GMV share (71.4%).
    await evaluateAlerts({ now, settings: settingsWith({ insights: { alerts: { minSample: 1 } } }) });
    const raised = await AlertModel.find({ kind: 'kpi' }).lean();
    expect(raised.map((alert) => ({ subject: alert.subject, value: alert.value, threshold: alert.threshold, sample: alert.sample })).sort((a, b) => a.subject.localeCompare(b.subject))).toEqual([
      { subject: 'birthdayBenefitCompletion', value: 500, threshold: 980, sample: 2 },
      { subject: 'campaignRoi', value: -1000, threshold: 1000, sample: 1 },
      { subject: 'repurchase', value: 0, threshold: 300, sample: 2 },
    ]);
  });
});

describe('member deletion', () => {
  it('forgets the buyer (the days it fed name nobody)', async () => {
    await consumeAll();
    expect(await InsightsBuyerModel.countDocuments({ _id: new Types.ObjectId(members.june) })).toBe(1);
    await recordEvent({ type: 'member.deleted', key: `member.deleted:${members.june}`, at: at('2026-12-01T09:00:00'), memberId: members.june }, at('2026-12-01T09:30:00'));
    await consumeAll();
    expect(await InsightsBuyerModel.countDocuments({ _id: new Types.ObjectId(members.june) })).toBe(0);
  });
});
