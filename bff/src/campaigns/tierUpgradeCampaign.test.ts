import { businessInstant } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildIntegration, freshNonce, signedPost, type TestIntegration } from '../test/integrationFactories';
import { memberCodeFor, purchaseBody } from '../test/posFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { MemberModel, type Member } from '../members/Member.model';
import { consumeEvents } from '../events/consumeEvents';
import { EventCheckpointModel } from '../events/EventCheckpoint.model';
import { EventModel } from '../events/Event.model';
import { jobs } from '../jobs/jobs';
import { posContextFrom } from '../pos/handlers';
import type { PosFaultPoint } from '../pos/posContext';
import { PosPurchaseModel } from '../pos/PosPurchase.model';
import { recordPurchase } from '../pos/recordPurchase';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { ConsentModel } from '../consents/Consent.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { CampaignModel } from './Campaign.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { ensureCampaignPresets } from './campaignPresets';
import { dispatchDeliveries } from './dispatchDeliveries';
import { lifecycleConsumerFor } from './lifecycleConsumer';

useTestDatabase();
const sandbox = useWechatSandbox();

const clock = { now: businessInstant('2027-03-01T12:00:00') };
let app: TestApp;
let till: TestIntegration;
let round = 0;

class Crash extends Error {}

beforeAll(async () => {
  app = buildTestApp({ config: sandbox.config(), now: () => clock.now });
  till = await buildIntegration();
});
beforeEach(async () => {
  await sandbox.control().reset();
  const models = [MemberModel, CampaignModel, CampaignDeliveryModel, EventModel, EventCheckpointModel, PosPurchaseModel, InboxMessageModel, SubscriptionQuotaModel, DailyCounterModel, ConsentModel];
  await Promise.all(models.map((model) => (model as unknown as typeof MemberModel).deleteMany({})));
  clock.now = businessInstant('2027-03-01T12:00:00');
  await ensureCampaignPresets(clock.now);
  // Ops switched the 升级礼遇 programme on (it is a draft until then).
  await CampaignModel.updateOne({ presetKey: 'lifecycle-tier-upgrade' }, { $set: { state: 'running' } });
});

/** A basic member since 2026-06-15 (the tier year ends on the anniversary), with accepts of 权益到期提醒 and the marketing consent. */
async function craftedMember(name: string): Promise<Member> {
  const { openid } = await sandbox.control().subscribe({ user: name }, 'benefitExpiring', 'accept', 3);
  const member = await buildMember({ openid, nickname: name, createdAt: businessInstant('2026-06-15T10:00:00') });
  await creditTestAccepts(member, 'sandbox-tmpl-benefit-expiring', 3);
  await grantMarketingConsent([member]);
  return member;
}

/** The till's purchase report (paid in full) at `local`; the same body again is a retried report. */
async function purchaseAt(member: Member, local: string, fen: number) {
  clock.now = businessInstant(local);
  const code = await memberCodeFor(app.http, member, [], clock.now);
  return purchaseBody(code.numericCode, `R-${freshNonce()}`, fen, { at: clock.now });
}
async function report(body: Awaited<ReturnType<typeof purchaseAt>>): Promise<void> {
  const response = await signedPost(app.http, till, 'pos.purchase', body, { at: clock.now });
  expect(response.status).toBe(200);
}

/** The outbox consumer a minute later (events settle 30 s), then as many dispatch rounds as there is work. */
async function deliverAt(local: string): Promise<void> {
  clock.now = businessInstant(local);
  await consumeEvents(lifecycleConsumerFor(app.deps), { now: clock.now });
  for (let rounds = 0; rounds < 10; rounds += 1) if ((await dispatchDeliveries(app.deps, { workerId: `tier-${(round += 1)}` })).claimed === 0) return;
}

async function deliveries(member: Member): Promise<string[][]> {
  const found = await CampaignDeliveryModel.find({ memberId: member._id }).sort({ createdAt: 1, _id: 1 }).lean();
  return found.map((delivery) => [delivery.occurrence, delivery.state]);
}
const upgradeEvents = async (member: Member): Promise<number> => EventModel.countDocuments({ type: 'tier.upgraded', memberId: member._id });

const principal = () => ({ integrationId: till.integration._id.toHexString(), keyId: till.keyId, kind: 'store' as const, storeId: till.store?._id.toHexString() ?? null });
const crashingAt = async (point?: PosFaultPoint) => ({
  ...(await posContextFrom({ deps: app.deps })),
  faults: {
    after: (reached: PosFaultPoint) => {
      if (reached === point) throw new Crash(`crash after ${reached}`);
    },
  },
});

describe('升级礼遇: the tier upgrade programme (issue 15)', () => {
  it('is a draft until ops switch it on: no congratulation while it is not running', async () => {
    await CampaignModel.updateOne({ presetKey: 'lifecycle-tier-upgrade' }, { $set: { state: 'draft' } });
    expect(await CampaignModel.findOne({ presetKey: 'lifecycle-tier-upgrade' }, { name: 1, trigger: 1 }).lean()).toMatchObject({ name: '升级礼遇', trigger: { kind: 'tierUpgrade', toTiers: ['gold', 'diamond'] } });
    const member = await craftedMember('草稿');
    await report(await purchaseAt(member, '2027-03-01T12:00:00', 60_000));
    await deliverAt('2027-03-01T12:05:00');
    expect(await upgradeEvents(member)).toBe(1);
    expect(await deliveries(member)).toEqual([]);
  });

  it('basic → gold → diamond in a row: two congratulations, each naming the new tier and its benefit', async () => {
    const member = await craftedMember('连升');
    await report(await purchaseAt(member, '2027-03-01T12:00:00', 60_000));
    await deliverAt('2027-03-01T12:05:00');
    await report(await purchaseAt(member, '2027-03-02T12:00:00', 150_000));
    await deliverAt('2027-03-02T12:05:00');
    expect((await MemberModel.findById(member._id).lean())?.tier.level).toBe('diamond');
    expect(await deliveries(member)).toEqual([
      ['tierUpgrade:gold:20270615', 'sent'],
      ['tierUpgrade:diamond:20270615', 'sent'],
    ]);
    expect((await sandbox.control().outbox(member.openid)).map((message) => message.data)).toEqual([
      { thing1: '恭喜升级为金卡', time2: '2027年6月14日 23:59', thing3: '生日月免费饮品一杯' },
      { thing1: '恭喜升级为钻石卡', time2: '2027年6月14日 23:59', thing3: '生日蛋糕升级与生日月双倍积分' },
    ]);
    expect(await InboxMessageModel.countDocuments({ memberId: member._id })).toBe(2);
  });

  it('a retried purchase report and a replayed outbox make no second congratulation', async () => {
    const member = await craftedMember('重报');
    const body = await purchaseAt(member, '2027-03-01T12:00:00', 60_000);
    await report(body);
    await report(body);
    await deliverAt('2027-03-01T12:05:00');
    await report(body);
    await EventCheckpointModel.deleteMany({});
    await deliverAt('2027-03-01T12:10:00');
    expect(await upgradeEvents(member)).toBe(1);
    expect(await deliveries(member)).toEqual([['tierUpgrade:gold:20270615', 'sent']]);
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(1);
  });

  it.each(['replay', 'job'] as const)('a crash between the tier write and its event: repaired by the %s, congratulated once', async (recovery) => {
    const member = await craftedMember(`崩溃${recovery}`);
    const body = await purchaseAt(member, '2027-03-01T12:00:00', 60_000);
    await expect(recordPurchase(body, principal(), await crashingAt('tier_written'))).rejects.toBeInstanceOf(Crash);
    expect((await MemberModel.findById(member._id).lean())?.tier.level).toBe('gold');
    await deliverAt('2027-03-01T12:05:00');
    expect(await upgradeEvents(member)).toBe(0);
    expect(await deliveries(member)).toEqual([]);

    if (recovery === 'replay') await recordPurchase(body, principal(), await crashingAt());
    else await jobs.find((job) => job.name === 'tiers.review')?.run(app.deps);
    await deliverAt('2027-03-01T12:10:00');
    await recordPurchase(body, principal(), await crashingAt());
    await deliverAt('2027-03-01T12:15:00');
    expect(await upgradeEvents(member)).toBe(1);
    expect((await MemberModel.findById(member._id).lean())?.tier.pendingUpgrades ?? []).toEqual([]);
    expect(await deliveries(member)).toEqual([['tierUpgrade:gold:20270615', 'sent']]);
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(1);
  });
});
