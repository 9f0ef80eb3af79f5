import { businessInstant } from '@cakeday/shared';
import { consumeEvents } from '../../events/consumeEvents';
import { EventModel, type StoredEvent } from '../../events/Event.model';
import { eventKey, recordEvent } from '../../events/recordEvent';
import type { Member } from '../../members/Member.model';
import { buildTestApp, type TestApp } from '../../test/app';
import { buildCampaign, creditTestAccepts, grantMarketingConsent } from '../../test/campaignFactories';
import { useTestDatabase } from '../../test/database';
import { buildMember } from '../../test/factories';
import { buildOperator, opsCookieFor } from '../../test/operatorFactories';
import { useWechatSandbox } from '../../test/wechatSandbox';
import { CampaignDeliveryModel } from '../CampaignDelivery.model';
import { dispatchDeliveries } from '../dispatchDeliveries';
import { materialiseCampaign } from '../materialiseCampaign';
import { CampaignResultModel } from './CampaignResult.model';
import { createCampaignResultsConsumer } from './campaignResultsConsumer';
import { recordDeliveryOpened } from './recordCampaignEvents';

useTestDatabase();
const sandbox = useWechatSandbox();

const REMINDER = 'sandbox-tmpl-birthday-reminder';
const clock = { now: businessInstant('2026-11-23T10:00:00') };
let app: TestApp;
const afterSettling = () => new Date(clock.now.getTime() + 60_000);
const sevenDays = async () => 7;

beforeAll(() => {
  app = buildTestApp({ config: sandbox.config({ CAMPAIGN_SEND_RATE_PER_SECOND: '10000' }), now: () => clock.now });
});

async function subscribedMembers(count: number, prefix: string): Promise<Member[]> {
  const members = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const { openid } = await sandbox.control().subscribe({ user: `${prefix}-${index}` }, 'birthdayReminder');
      const member = await buildMember({ openid });
      await creditTestAccepts(member, REMINDER, 1, clock.now);
      return member;
    }),
  );
  await grantMarketingConsent(members);
  return members;
}

const paid = (memberId: string, orderId: string, at: Date, cashFen: number) =>
  recordEvent({ type: 'order.paid', key: eventKey('order.paid', orderId), at, memberId, subject: { type: 'order', id: orderId }, props: { cashFen } }, at);

describe('a campaign’s results, rolled up from the outbox', () => {
  it('counts the funnel, attributes GMV by last touch within 7 days and measures lift against the holdout with a confidence interval', async () => {
    const members = await subscribedMembers(40, 'results');
    const campaign = await buildCampaign({ holdoutPermille: 300, createdAt: clock.now });
    await materialiseCampaign(campaign._id, clock.now);
    for (let round = 0; round < 10; round += 1) if ((await dispatchDeliveries(app.deps, { workerId: `w:${round}`, batchSize: 100 })).claimed === 0) break;
    const deliveries = await CampaignDeliveryModel.find({ campaignId: campaign._id }).lean();
    const held = deliveries.filter((delivery) => delivery.variant === 'holdout').map((delivery) => delivery.memberId.toHexString());
    const sent = deliveries.filter((delivery) => delivery.state === 'sent');
    expect(held.length).toBeGreaterThan(1);
    expect(sent).toHaveLength(40 - held.length);

    // Of the members sent the message: the first 10 open it, 8 of them buy (128 yuan each, the day after); one buys
    // 9 days later (outside the window). Of the held-out members, 1 buys.
    const later = new Date(clock.now.getTime() + 86_400_000);
    for (const delivery of sent.slice(0, 10)) await recordDeliveryOpened(delivery, campaign, later);
    for (const [index, delivery] of sent.slice(0, 8).entries()) await paid(delivery.memberId.toHexString(), `t${index}`, later, 12_800);
    await paid(sent[9]!.memberId.toHexString(), 'late', new Date(clock.now.getTime() + 9 * 86_400_000), 50_000);
    await paid(held[0]!, 'h0', later, 12_800);
    // A member not in the campaign changes nothing.
    await paid(members.find((member) => !deliveries.some((delivery) => delivery.memberId.equals(member._id)))?._id.toHexString() ?? (await buildMember())._id.toHexString(), 'x', later, 1);

    clock.now = new Date(clock.now.getTime() + 10 * 86_400_000);
    await consumeEvents(createCampaignResultsConsumer(sevenDays), { now: afterSettling() });
    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const results = (await app.http.post('/api/ops.campaigns.results').set('Cookie', analyst).send({ id: campaign._id.toHexString() })).body;
    const reached = 40 - held.length;
    expect(results.funnel.map((step: { members: number }) => step.members)).toEqual([reached, reached, 10, 0, 0]);
    expect(results.funnel[2].fromPreviousPermille).toBe(Math.floor((10 * 1000) / reached));
    expect(results).toMatchObject({ attributionDays: 7, attributedOrders: 8, gmvFen: 8 * 12_800, treatment: { members: reached, conversions: 8 }, holdout: { members: held.length, conversions: 1 } });
    const expected = 8 / reached - 1 / held.length;
    expect(results.lift.difference).toBeCloseTo(expected, 10);
    expect(results.lift.interval[0]).toBeLessThan(expected);
    expect(results.lift.interval[1]).toBeGreaterThan(expected);
    expect(results.variants).toEqual([expect.objectContaining({ key: 'main', reached, delivered: reached, opened: 10, conversions: 8, vsControl: null })]);
    expect(results.srm).toBeNull();

    // The lift's table as CSV: the reached group against the held-out one, in percentage points with the interval.
    const csv = await app.http.post('/api/ops.campaigns.resultsExport').set('Cookie', analyst).send({ id: campaign._id.toHexString() });
    expect(csv.status).toBe(200);
    const pp = (rate: number) => Math.round(rate * 1000) / 10;
    expect((csv.text as string).replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      '分组,对比,人数,购买人数,购买率（%）,提升（百分点）,95% 置信区间下限,95% 置信区间上限,p 值,显著',
      `触达组,对照组,${reached},8,${Math.round((8 * 1000) / reached) / 10},${pp(expected)},${pp(results.lift.interval[0])},${pp(results.lift.interval[1])},${Math.round(results.lift.pValue * 10_000) / 10_000},${results.lift.significant ? '是' : '否'}`,
      `对照组,,${held.length},1,${Math.round(1000 / held.length) / 10},,,,,`,
    ]);
  }, 120_000); // 40 members subscribed in the sandbox and sent to: slow on a busy machine

  it('a consumer that crashes between the results and the member’s touches counts nothing twice when it resumes', async () => {
    // After the first test's events: the consumer's checkpoint is past them.
    clock.now = businessInstant('2026-12-20T10:00:00');
    const member = await buildMember({ tier: { level: 'diamond', since: clock.now, reviewedAt: null } });
    const campaign = await buildCampaign({ audience: { tiers: ['diamond'], birthdayMonths: [] }, createdAt: clock.now });
    await materialiseCampaign(campaign._id, clock.now);
    const at = new Date(clock.now.getTime() + 3_600_000);
    await paid(member._id.toHexString(), 'crash-1', at, 6_600);
    await recordEvent({ type: 'benefit.claimed', key: 'benefit.claimed:crash', at, memberId: member._id }, at);
    clock.now = new Date(at.getTime() + 3_600_000);
    let crashes = 0;
    const crashing = createCampaignResultsConsumer(sevenDays, {
      afterResults: (event: StoredEvent) => {
        if (event.type !== 'campaign.assigned' && crashes < 3) {
          crashes += 1;
          throw new Error('crash');
        }
      },
    });
    for (let run = 0; run < 5; run += 1) await consumeEvents(crashing, { now: afterSettling() }).catch(() => undefined);
    expect(crashes).toBe(3);
    const main = await CampaignResultModel.findById(`${campaign._id.toHexString()}:main`).lean();
    expect(main).toMatchObject({ assigned: 1, reached: 1, converted: 1, claimed: 1, delivered: 0 });
    expect(await EventModel.countDocuments({ type: 'campaign.assigned', 'props.campaignId': campaign._id.toHexString() })).toBe(1);
    // Materialising the same pass again records no second assignment.
    await materialiseCampaign(campaign._id, clock.now);
    expect(await EventModel.countDocuments({ type: 'campaign.assigned', 'props.campaignId': campaign._id.toHexString() })).toBe(1);
  });
});
