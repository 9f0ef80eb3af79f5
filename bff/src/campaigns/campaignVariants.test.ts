import { businessInstant } from '@cakeday/shared';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { consumeEvents } from '../events/consumeEvents';
import { eventKey, recordEvent } from '../events/recordEvent';
import { buildTestApp, type TestApp } from '../test/app';
import { buildCampaign, creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { dispatchDeliveries } from './dispatchDeliveries';
import { materialiseCampaign } from './materialiseCampaign';
import { CampaignResultModel } from './results/CampaignResult.model';
import { createCampaignResultsConsumer } from './results/campaignResultsConsumer';

useTestDatabase();
const sandbox = useWechatSandbox();

const REMINDER = 'sandbox-tmpl-birthday-reminder';
const clock = { now: businessInstant('2026-11-23T10:00:00') };
let app: TestApp;
const cookies = { ops: '', analyst: '' };
const message = (thing3: string) => ({ template: 'birthdayReminder' as const, fields: { thing1: '{{campaignName}}', date2: '2026年12月1日', thing3 }, page: 'pages/birthday/index', inboxTitle: '活动提醒' });
const variants = [
  { key: 'plain', name: '平实版', weight: 1, message: message('进店领取会员礼'), sendDelayDays: 0 },
  { key: 'warm', name: '温暖版', weight: 1, message: message('想你了，来领礼物吧'), sendDelayDays: 0 },
];

/** Operators signed in at the test's clock (a session idles out when the clock moves on a day). */
async function signIn(): Promise<void> {
  cookies.ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
  cookies.analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
}

beforeAll(async () => {
  app = buildTestApp({ config: sandbox.config({ CAMPAIGN_SEND_RATE_PER_SECOND: '10000' }), now: () => clock.now });
  await signIn();
});

const call = (name: string, body: object, cookie = cookies.ops) => app.http.post(`/api/${name}`).set('Cookie', cookie).send(body);

describe('campaign variants', () => {
  it('a draft keeps its variants; their messages are checked against the template like the campaign’s', async () => {
    const draft = { name: '唤醒测试', trigger: { kind: 'push', sendAt: '2026-12-01T10:00:00+08:00' }, audience: {}, message: message('进店领取会员礼'), holdoutPermille: 100, endsAt: '2026-12-31T23:59:00+08:00' };
    const created = await call('ops.campaigns.create', { ...draft, variants });
    expect(created.body).toMatchObject({ allocation: 'split', variants: [{ key: 'plain', name: '平实版' }, { key: 'warm', name: '温暖版' }] });
    const tooLong = [{ ...variants[0], message: message('这一句话写得实在是太长了超过了模板允许的二十个字符的长度') }];
    expect((await call('ops.campaigns.create', { ...draft, variants: tooLong })).body.error.code).toBe('CAMPAIGN_MESSAGE_INVALID');
    expect((await call('ops.campaigns.create', { ...draft, variants: [variants[0], variants[0]] })).status).toBe(400);
  });

  it('each member gets their variant’s message; results compare the variants and an operator switches to the bandit (audited)', async () => {
    const members = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const { openid } = await sandbox.control().subscribe({ user: `variant-${index}` }, 'birthdayReminder');
        const member = await buildMember({ openid });
        await creditTestAccepts(member, REMINDER, 1, clock.now);
        return member;
      }),
    );
    await grantMarketingConsent(members);
    const campaign = await buildCampaign({ variants, allocation: 'split', createdAt: clock.now });
    await materialiseCampaign(campaign._id, clock.now);
    for (let round = 0; round < 10; round += 1) if ((await dispatchDeliveries(app.deps, { workerId: `v:${round}`, batchSize: 100 })).claimed === 0) break;

    const deliveries = await CampaignDeliveryModel.find({ campaignId: campaign._id }).lean();
    const openidOf = new Map(members.map((member) => [member._id.toHexString(), member.openid]));
    const sentText = new Map((await sandbox.control().outbox()).map((sent) => [sent.touser, JSON.stringify(sent.data)]));
    for (const delivery of deliveries) {
      expect(delivery.state).toBe('sent');
      expect(sentText.get(openidOf.get(delivery.memberId.toHexString()) ?? '')).toContain(delivery.variant === 'warm' ? '想你了' : '进店领取会员礼');
    }
    const warm = deliveries.filter((delivery) => delivery.variant === 'warm');
    const plain = deliveries.filter((delivery) => delivery.variant === 'plain');
    expect(warm.length + plain.length).toBe(40);

    // Every warm member buys within the window, no plain member does.
    const later = new Date(clock.now.getTime() + 86_400_000);
    for (const [index, delivery] of warm.entries()) await recordEvent({ type: 'order.paid', key: eventKey('order.paid', `v${index}`), at: later, memberId: delivery.memberId, subject: { type: 'order', id: `v${index}` }, props: { cashFen: 3_000 } }, later);
    clock.now = new Date(later.getTime() + 3_600_000);
    await consumeEvents(createCampaignResultsConsumer(async () => 7), { now: new Date(clock.now.getTime() + 60_000) });
    await signIn();

    const results = (await call('ops.campaigns.results', { id: campaign._id.toHexString() }, cookies.analyst)).body;
    expect(results.variants.map((variant: { key: string; reached: number; conversions: number }) => [variant.key, variant.reached, variant.conversions])).toEqual([
      ['plain', plain.length, 0],
      ['warm', warm.length, warm.length],
    ]);
    expect(results.variants[0].vsControl).toBeNull();
    expect(results.variants[1].vsControl.difference).toBeCloseTo(1, 10);
    expect(results.srm).toMatchObject({ mismatch: false });
    expect(results.variants[0].banditSharePermille).toBeNull();

    expect((await call('ops.campaigns.allocate', { id: campaign._id.toHexString(), allocation: 'bandit' }, cookies.analyst)).status).toBe(403);
    const switched = await call('ops.campaigns.allocate', { id: campaign._id.toHexString(), allocation: 'bandit', reason: '温暖版领先' });
    expect(switched.body).toMatchObject({ allocation: 'bandit' });
    expect(await AuditEntryModel.countDocuments({ action: 'ops.campaigns.allocate', 'subject.id': campaign._id.toHexString(), outcome: 'applied' })).toBe(1);
    const bandit = (await call('ops.campaigns.results', { id: campaign._id.toHexString() }, cookies.analyst)).body;
    // All of warm's members bought and none of plain's: nearly every new member goes to warm.
    expect(bandit.variants[1].banditSharePermille).toBeGreaterThan(950);
    expect(bandit.srm).toBeNull();

    const single = await buildCampaign({ createdAt: clock.now });
    expect((await call('ops.campaigns.allocate', { id: single._id.toHexString(), allocation: 'bandit' })).body.error.code).toBe('CAMPAIGN_VARIANTS_REQUIRED');
  }, 120_000); // 40 members subscribed in the sandbox and sent to: slow on a busy machine

  it('warns of a sample-ratio mismatch when a 50/50 split comes out 500 / 600', async () => {
    const campaign = await buildCampaign({ variants, allocation: 'split', createdAt: clock.now });
    const counts = (variant: string, reached: number) => ({ _id: `${campaign._id.toHexString()}:${variant}`, campaignId: campaign._id, variant, assigned: reached, reached, delivered: reached, opened: 0, claimed: 0, used: 0, converted: 0, attributedOrders: 0, gmvFen: 0, applied: [] });
    await CampaignResultModel.insertMany([counts('plain', 500), counts('warm', 600)]);
    const results = (await call('ops.campaigns.results', { id: campaign._id.toHexString() }, cookies.analyst)).body;
    // χ² = 2 × 50² / 550 = 9.09, p = 0.0026: above the 0.001 threshold; 500 / 650 is not.
    expect(results.srm).toMatchObject({ mismatch: false });
    await CampaignResultModel.updateOne({ _id: `${campaign._id.toHexString()}:warm` }, { $set: { reached: 650 } });
    const skewed = (await call('ops.campaigns.results', { id: campaign._id.toHexString() }, cookies.analyst)).body;
    expect(skewed.srm.mismatch).toBe(true);
    expect(skewed.srm.pValue).toBeLessThan(0.001);
  });
});
