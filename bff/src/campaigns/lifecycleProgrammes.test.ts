import { businessInstant } from '@cakeday/shared';
import { Types } from 'mongoose';
import { creditTestAccepts, grantMarketingConsent, useCampaignEngine } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember, buildPointsLot } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { bindTestPhone, grantSmsConsent, testPhone } from '../test/smsFactories';
import { runPendingMigrations } from '../db/migrations';
import { MigrationModel } from '../db/Migration.model';
import { PaidSpendModel } from '../tiers/PaidSpend.model';
import { MemberModel, type Member } from '../members/Member.model';
import { CouponModel } from '../coupons/Coupon.model';
import { consumeEvents } from '../events/consumeEvents';
import { EventCheckpointModel } from '../events/EventCheckpoint.model';
import { EventModel } from '../events/Event.model';
import { eventKey, recordEvent } from '../events/recordEvent';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { ConsentModel } from '../consents/Consent.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { CampaignModel } from './Campaign.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { ensureCampaignPresets } from './campaignPresets';
import { WELCOME_SMS } from './lifecyclePresets';
import { runCampaigns } from './runCampaigns';
import { lifecycleConsumerFor, type LifecycleFaults } from './lifecycleConsumer';

useTestDatabase();
const sandbox = useWechatSandbox();

const engine = useCampaignEngine(sandbox, {
  startsAt: '2027-03-01T12:00:00',
  clear: [MemberModel, CampaignModel, CampaignDeliveryModel, CouponModel, EventModel, EventCheckpointModel, PointsAccountModel, PointsEntryModel, InboxMessageModel, SubscriptionQuotaModel, DailyCounterModel, ConsentModel, MigrationModel, PaidSpendModel],
});
const { clock } = engine;
beforeEach(async () => {
  await ensureCampaignPresets(clock.now);
  // Ops switched every lifecycle programme on, without a holdout (so each crafted member is reached).
  await CampaignModel.updateMany({ presetKey: /^lifecycle-/ }, { $set: { state: 'running', holdoutPermille: 0 } });
});

/** A member with accepts of 权益到期提醒 and, unless told otherwise, the marketing consent. */
async function craftedMember(name: string, options: { consent?: boolean; accepts?: number } = {}): Promise<Member> {
  const { openid } = await sandbox.control().subscribe({ user: name }, 'benefitExpiring');
  const member = await buildMember({ openid, nickname: name });
  await creditTestAccepts(member, 'sandbox-tmpl-benefit-expiring', options.accepts ?? 2);
  if (options.consent !== false) await grantMarketingConsent([member]);
  return member;
}

async function paid(member: Member, local: string, fen: number): Promise<void> {
  const at = businessInstant(local);
  const orderId = new Types.ObjectId().toHexString();
  await recordEvent({ type: 'order.paid', key: eventKey('order.paid', orderId), at, memberId: member._id, subject: { type: 'order', id: orderId }, props: { cashFen: fen } }, at);
}

/** The outbox consumer at `local` (events settle 30 s), then as many dispatch rounds as there is work. */
async function consumeAt(local: string, faults: LifecycleFaults = {}): Promise<void> {
  engine.at(local);
  await consumeEvents(lifecycleConsumerFor(engine.app().deps, faults), { now: clock.now });
}

async function dispatchAt(local: string): Promise<void> {
  engine.at(local);
  await engine.tick();
}

const presetOf = async (id: unknown): Promise<string> => (await CampaignModel.findById(id, { presetKey: 1 }).lean())?.presetKey ?? '';
async function channels(member: Member): Promise<(string | null | undefined)[][]> {
  const found = await CampaignDeliveryModel.find({ memberId: member._id }).sort({ createdAt: 1, _id: 1 }).lean();
  return found.map((delivery) => [delivery.occurrence, delivery.state, delivery.channel, delivery.skipReason]);
}
async function deliveries(member: Member): Promise<string[][]> {
  const found = await CampaignDeliveryModel.find({ memberId: member._id }).sort({ createdAt: 1, _id: 1 }).lean();
  return Promise.all(found.map(async (delivery) => [await presetOf(delivery.campaignId), delivery.occurrence, delivery.state]));
}
const couponsOf = async (member: Member): Promise<string[]> => (await CouponModel.find({ memberId: member._id }).sort({ _id: 1 }).lean()).map((coupon) => `${coupon.templateCode}:${coupon.source}`);

describe('lifecycle programmes (issue 15) on a moved Shanghai clock', () => {
  it('welcome: the 新人券 within 24 hours of the first paid order, once, however often the outbox is replayed', async () => {
    const member = await craftedMember('新人');
    await paid(member, '2027-03-01T12:00:00', 3900);
    await consumeAt('2027-03-01T12:05:00');
    await dispatchAt('2027-03-01T12:05:00');
    expect(await deliveries(member)).toEqual([['lifecycle-welcome', 'welcome', 'sent']]);
    expect(await couponsOf(member)).toEqual(['welcome-5-off:campaign']);
    expect((await sandbox.control().outbox(member.openid)).map((message) => message.data)).toEqual([{ thing1: '新人券已放入你的账户', time2: '2027年3月31日 23:59', thing3: '欢迎加入蛋糕日会员' }]);

    // A second order, and the whole outbox handed over again (a lost checkpoint): nothing more.
    await paid(member, '2027-03-02T12:00:00', 3900);
    await EventCheckpointModel.deleteMany({});
    await consumeAt('2027-03-02T12:05:00');
    await dispatchAt('2027-03-02T12:05:00');
    expect(await deliveries(member)).toEqual([['lifecycle-welcome', 'welcome', 'sent']]);
    expect(await couponsOf(member)).toEqual(['welcome-5-off:campaign']);
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(1);
  });

  it('welcome by SMS: without subscription quota, to a member who agreed to marketing SMS and bound a number, with the signature and 拒收请回复R', async () => {
    const member = await craftedMember('短信新人', { accepts: 0 });
    await grantSmsConsent([member]);
    await bindTestPhone(member, testPhone(41), engine.app().deps.config);
    await paid(member, '2027-03-01T12:00:00', 3900);
    await consumeAt('2027-03-01T12:05:00');
    await dispatchAt('2027-03-01T12:05:00');
    expect(await channels(member)).toEqual([['welcome', 'sent', 'sms', null]]);
    expect(sandbox.sms().outbox(testPhone(41)).map((message) => message.content)).toEqual(['【蛋糕日】欢迎加入蛋糕日会员！新人5元券已放入你的会员账户，打开小程序即可查看。拒收请回复R']);
    expect(await sandbox.control().outbox(member.openid)).toEqual([]);
    expect(await InboxMessageModel.countDocuments({ memberId: member._id })).toBe(1);
  });

  it.each([
    ['quota first: the subscription message, no SMS', { accepts: 1, smsConsent: true, phone: true }, ['welcome', 'sent', 'subscription', null], 1, 0],
    ['no SMS consent: 消息中心 only', { accepts: 0, smsConsent: false, phone: true }, ['welcome', 'skipped', 'inbox', 'no_quota'], 0, 0],
    ['no bound number: 消息中心 only', { accepts: 0, smsConsent: true, phone: false }, ['welcome', 'skipped', 'inbox', 'no_quota'], 0, 0],
  ])('welcome channels in order, %s', async (_name, setup, expected, subscriptionMessages, smsMessages) => {
    const member = await craftedMember('渠道', { accepts: setup.accepts });
    if (setup.smsConsent) await grantSmsConsent([member]);
    if (setup.phone) await bindTestPhone(member, testPhone(42), engine.app().deps.config);
    await paid(member, '2027-03-01T12:00:00', 3900);
    await consumeAt('2027-03-01T12:05:00');
    await dispatchAt('2027-03-01T12:05:00');
    expect(await channels(member)).toEqual([expected]);
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(subscriptionMessages);
    expect(sandbox.sms().outbox(testPhone(42))).toHaveLength(smsMessages);
    expect(await InboxMessageModel.countDocuments({ memberId: member._id })).toBe(1);
  });

  it('welcome: a programme created before the SMS channel gets it once, by the start-up migration', async () => {
    await CampaignModel.updateOne({ presetKey: 'lifecycle-welcome' }, { $unset: { 'message.sms': 1 } });
    await runPendingMigrations(clock.now);
    await runPendingMigrations(clock.now);
    expect((await CampaignModel.findOne({ presetKey: 'lifecycle-welcome' }).lean())?.message.sms).toEqual(WELCOME_SMS);
  });

  it('an old customer whose payments predate the outbox: the start-up backfill dates them, so the next order is no 新人 welcome', async () => {
    const member = await craftedMember('老顾客');
    const legacy = (key: string, local: string, amountFen: number) => ({ memberId: member._id, key, amountFen, paidAt: businessInstant(local), reference: key });
    await PaidSpendModel.create([legacy('legacy-1', '2026-12-20T12:00:00', 3900), legacy('legacy-2', '2027-01-01T15:00:00', 5000), legacy('legacy-2-refund', '2027-01-05T10:00:00', -5000)]);
    await runPendingMigrations(clock.now);
    expect((await MemberModel.findById(member._id).lean())?.lifecycle).toEqual({ firstPaidAt: businessInstant('2026-12-20T12:00:00'), lastPaidAt: businessInstant('2027-01-01T15:00:00') });
    await paid(member, '2027-03-01T12:00:00', 3900);
    await consumeAt('2027-03-01T12:05:00');
    await dispatchAt('2027-03-01T12:05:00');
    expect(await deliveries(member)).toEqual([]);
    expect(await couponsOf(member)).toEqual([]);
  });

  it('welcome: a first order the consumer reaches after 24 hours is not welcomed late', async () => {
    const member = await craftedMember('迟到');
    await paid(member, '2027-03-01T12:00:00', 3900);
    await consumeAt('2027-03-02T12:01:00');
    expect(await deliveries(member)).toEqual([]);
    expect(await couponsOf(member)).toEqual([]);
  });

  it('welcome: a crash after the purchase dates are written, before any delivery, welcomes once on the replay', async () => {
    const member = await craftedMember('崩溃');
    await paid(member, '2027-03-01T12:00:00', 3900);
    await expect(
      consumeAt('2027-03-01T12:05:00', {
        afterPurchaseDates: () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await deliveries(member)).toEqual([]);
    await consumeAt('2027-03-01T12:06:00');
    await consumeAt('2027-03-01T12:07:00');
    await dispatchAt('2027-03-01T12:07:00');
    expect(await deliveries(member)).toEqual([['lifecycle-welcome', 'welcome', 'sent']]);
    expect(await couponsOf(member)).toEqual(['welcome-5-off:campaign']);
  });

  it('no delivery without consent: neither the message nor the coupon (the coupon goes with the message)', async () => {
    const member = await craftedMember('未同意', { consent: false });
    await paid(member, '2027-03-01T12:00:00', 3900);
    await consumeAt('2027-03-01T12:05:00');
    await dispatchAt('2027-03-01T12:05:00');
    const found = await CampaignDeliveryModel.find({ memberId: member._id }).lean();
    expect(found.map((delivery) => [delivery.state, delivery.skipReason])).toEqual([['skipped', 'no_consent']]);
    expect(await sandbox.control().outbox(member.openid)).toEqual([]);
    expect(await couponsOf(member)).toEqual([]);
  });

  it('90-day care: on the 90th silent day, once per lapse, again after a new purchase lapses', async () => {
    const member = await craftedMember('沉睡');
    await paid(member, '2027-01-01T15:00:00', 3900);
    await consumeAt('2027-03-01T12:00:00');
    await CampaignDeliveryModel.deleteMany({});
    await dispatchAt('2027-03-31T12:00:00'); // 89 days
    expect(await deliveries(member)).toEqual([]);
    await dispatchAt('2027-04-01T12:00:00'); // 90 days
    await dispatchAt('2027-04-02T12:00:00');
    expect(await deliveries(member)).toEqual([['lifecycle-care-90', 'care90:20270101', 'sent']]);
    expect(await couponsOf(member)).toContain('care-10-off:campaign');

    await paid(member, '2027-04-03T12:00:00', 3900);
    await consumeAt('2027-04-03T12:05:00');
    await dispatchAt('2027-07-02T12:00:00'); // 90 days after the new purchase
    expect((await deliveries(member)).map(([preset, occurrence]) => `${preset}:${occurrence}`)).toEqual(['lifecycle-care-90:care90:20270101', 'lifecycle-care-90:care90:20270403']);
  });

  it('90-day care: a care message queued for its send time is skipped, not sent, when the member buys before it', async () => {
    const member = await craftedMember('回购');
    await paid(member, '2027-01-01T15:00:00', 3900);
    await consumeAt('2027-03-01T12:00:00');
    await CampaignDeliveryModel.deleteMany({});
    // The 90th silent day's pass at 08:00 queues the care message for 10:00; the member buys at 09:00.
    clock.now = businessInstant('2027-04-01T08:00:00');
    await runCampaigns(engine.app().deps);
    expect(await channels(member)).toEqual([['care90:20270101', 'queued', null, null]]);
    await paid(member, '2027-04-01T09:00:00', 3900);
    await consumeAt('2027-04-01T09:05:00');
    await dispatchAt('2027-04-01T10:00:00');
    expect(await channels(member)).toEqual([['care90:20270101', 'skipped', null, 'no_longer_eligible']]);
    expect(await sandbox.control().outbox(member.openid)).toEqual([]);
  });

  it('points expiry: a reminder naming the amount and the last day, once per expiry date', async () => {
    const member = await craftedMember('积分');
    await buildPointsLot({ member, points: 120, earnedAt: businessInstant('2026-01-05T10:00:00') });
    await dispatchAt('2027-11-30T12:00:00'); // expires when 2028 begins: 32 days away
    expect(await deliveries(member)).toEqual([]);
    await dispatchAt('2027-12-05T12:00:00');
    await dispatchAt('2027-12-06T12:00:00');
    expect(await deliveries(member)).toEqual([['lifecycle-points-expiring', 'pointsExpiry:20280101', 'sent']]);
    expect((await sandbox.control().outbox(member.openid)).map((message) => message.data)).toEqual([{ thing1: '120积分即将到期', time2: '2027年12月31日 23:59', thing3: '到期前可在积分商城兑换' }]);
  });

  it('member day: on the 8th an 8.5折 coupon valid that day, once a month', async () => {
    const member = await craftedMember('会员日');
    await dispatchAt('2027-03-07T12:00:00');
    expect(await deliveries(member)).toEqual([]);
    await dispatchAt('2027-03-08T12:00:00');
    await dispatchAt('2027-03-08T18:00:00');
    expect(await deliveries(member)).toEqual([['lifecycle-member-day', 'memberDay:202703', 'sent']]);
    const [coupon] = await CouponModel.find({ memberId: member._id }).lean();
    expect(coupon).toMatchObject({ templateCode: 'member-day-85', percentOff: 15, validUntil: businessInstant('2027-03-09T00:00:00') });
    await dispatchAt('2027-04-08T12:00:00');
    expect((await deliveries(member)).map(([, occurrence]) => occurrence)).toEqual(['memberDay:202703', 'memberDay:202704']);
  });

  it('spend reward: a single purchase of 200 yuan or more gives the 烘焙课体验券, once a month', async () => {
    const member = await craftedMember('满额', { accepts: 3 });
    // A customer of long standing: no welcome (whose message would take this week's cap).
    await MemberModel.updateOne({ _id: member._id }, { $set: { 'lifecycle.firstPaidAt': businessInstant('2026-05-01T12:00:00') } });
    await paid(member, '2027-03-01T12:00:00', 19_999);
    await consumeAt('2027-03-01T12:05:00');
    expect((await deliveries(member)).filter(([preset]) => preset === 'lifecycle-spend-200')).toEqual([]);
    await paid(member, '2027-03-02T12:00:00', 20_000);
    await paid(member, '2027-03-03T12:00:00', 50_000);
    await consumeAt('2027-03-03T12:05:00');
    await dispatchAt('2027-03-03T12:05:00');
    expect((await deliveries(member)).filter(([preset]) => preset === 'lifecycle-spend-200')).toEqual([['lifecycle-spend-200', 'spend:202703', 'sent']]);
    expect((await couponsOf(member)).filter((coupon) => coupon.startsWith('baking-class-trial'))).toEqual(['baking-class-trial:campaign']);
  });

  it('points milestone: 3,000 points earned in a lifetime give the gift box, once', async () => {
    const member = await craftedMember('里程碑');
    await buildPointsLot({ member, points: 2000, earnedAt: businessInstant('2027-03-01T12:00:00') });
    await consumeAt('2027-03-01T12:05:00');
    expect(await deliveries(member)).toEqual([]);
    await buildPointsLot({ member, points: 1000, earnedAt: businessInstant('2027-03-02T12:00:00') });
    await buildPointsLot({ member, points: 500, earnedAt: businessInstant('2027-03-03T12:00:00') });
    await consumeAt('2027-03-03T12:05:00');
    await EventCheckpointModel.deleteMany({});
    await consumeAt('2027-03-03T12:06:00');
    expect((await deliveries(member)).map(([preset, occurrence]) => `${preset}:${occurrence}`)).toEqual(['lifecycle-points-3000:milestone:3000']);
    await dispatchAt('2027-03-03T12:06:00');
    expect(await couponsOf(member)).toEqual(['milestone-gift-box:campaign']);
  });
});
