import { analyticsDay, consentTexts, type ServerEventType } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CampaignDeliveryModel, deliveryKey } from '../campaigns/CampaignDelivery.model';
import { recordPendingDeliveryEvents } from '../campaigns/deliveryEvents';
import { dispatchDeliveries } from '../campaigns/dispatchDeliveries';
import { materialiseCampaign } from '../campaigns/materialiseCampaign';
import { settleSendingDeliveries } from '../campaigns/settleSendingDeliveries';
import { skipQueuedDeliveries } from '../campaigns/transitionCampaign';
import { CommunityPostModel } from '../community/CommunityPost.model';
import { ConsentModel } from '../consents/Consent.model';
import { EventModel } from '../events/Event.model';
import { HelpCampaignModel } from '../help/HelpCampaign.model';
import { finishInterruptedUnlocks } from '../help/unlockGift';
import type { Member } from '../members/Member.model';
import { ReferralModel } from '../referral/Referral.model';
import { rewardReferral } from '../referral/rewardReferral';
import { settleReferralRewards } from '../referral/settleReferralRewards';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, type TestApp } from '../test/app';
import { buildCampaign, creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { buildWriter } from '../test/communityFactories';
import { useTestDatabase } from '../test/database';
import { saveTestSettings } from '../test/settings';
import { buildMember, sessionFor } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';

useTestDatabase();
const sandbox = useWechatSandbox();
// Real time: the sandbox's sessions and risk answers keep it; today is every test's birthday.
const clock = { now: new Date() };
const today = analyticsDay(clock.now);
let app: TestApp;

beforeAll(async () => {
  app = buildTestApp({ config: sandbox.config({ CAMPAIGN_SEND_RATE_PER_SECOND: '10000', LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000' }), now: () => clock.now });
  await ensureTestCouponTemplates();
});

const eventsOf = async (type: ServerEventType, memberId?: Types.ObjectId | string) =>
  EventModel.find({ type, ...(memberId ? { memberId: new Types.ObjectId(String(memberId)) } : {}) }).lean();
const call = (route: string, auth: string, body: object) => app.http.post(`/api/${route}`).set('Authorization', auth).send(body);

async function celebrant(): Promise<{ member: Member; auth: string }> {
  const member = await buildMember({ birthday: { month: Number(today.slice(5, 7)), day: Number(today.slice(8, 10)), year: 1990 } });
  await ConsentModel.create({ memberId: member._id, purpose: 'birthday', action: 'grant', version: consentTexts.birthday.version, at: new Date('2025-01-01T00:00:00.000Z'), ip: null });
  return { member, auth: await sessionFor(member, { now: clock.now }) };
}

describe('help.started and help.unlocked, once whatever the retries', () => {
  it('a help start tapped again records help.started once', async () => {
    const { member, auth } = await celebrant();
    const taps = [await call('help.start', auth, {}), await call('help.start', auth, {})];
    expect(taps.map((tap) => tap.status)).toEqual([200, 409]);
    const campaign = await HelpCampaignModel.findOne({ memberId: member._id }).lean();
    expect((await eventsOf('help.started', member._id)).map((event) => ({ key: event.key, props: event.props }))).toEqual([
      { key: `help.started:${campaign?._id.toHexString()}`, props: { celebrationYear: campaign?.celebrationYear, goal: campaign?.goal } },
    ]);
  });

  it('a start that died after storing the campaign: the retry (409) records help.started', async () => {
    const { member, auth } = await celebrant();
    expect((await call('help.start', auth, {})).status).toBe(200);
    await EventModel.deleteMany({ type: 'help.started', memberId: member._id });
    const retry = await call('help.start', auth, {});
    expect([retry.status, retry.body.error.code]).toEqual([409, 'HELP_ALREADY_STARTED']);
    expect(await eventsOf('help.started', member._id)).toHaveLength(1);
  });

  it('an unlock interrupted after the last helper: the sweeper and the owner’s page finish it, help.unlocked once', async () => {
    const { member, auth } = await celebrant();
    expect((await call('help.start', auth, {})).status).toBe(200);
    // The goal-th helper moved it to unlocking, then the process died.
    await HelpCampaignModel.updateOne({ memberId: member._id }, { $set: { state: 'unlocking', helpersCount: 3 } });
    const [page] = await Promise.all([call('help.mine', auth, {}), finishInterruptedUnlocks(clock.now)]);
    expect(page.status).toBe(200);
    expect(await finishInterruptedUnlocks(clock.now)).toBe(0);
    expect((await HelpCampaignModel.findOne({ memberId: member._id }).lean())?.state).toBe('unlocked');
    expect((await eventsOf('help.unlocked', member._id)).map((event) => event.props)).toEqual([{ celebrationYear: Number(today.slice(0, 4)), helpers: 3 }]);
  });
});

describe('referral.bound and referral.rewarded', () => {
  async function invited(): Promise<{ referrer: Member; invitee: Types.ObjectId }> {
    const referrer = await buildMember();
    const mine = await call('referral.mine', await sessionFor(referrer, { now: clock.now }), {});
    const { code, openid } = await sandbox.control().loginCode({ user: `invitee-${new Types.ObjectId().toHexString()}` });
    const login = await app.http.post('/api/auth.login').send({ code, shareId: mine.body.invite.shareId });
    expect(login.status).toBe(200);
    expect(openid).toBeTruthy();
    return { referrer, invitee: new Types.ObjectId(String(login.body.member.id)) };
  }

  it('a friend who joins through a share records referral.bound once, with the referrer', async () => {
    const { referrer, invitee } = await invited();
    expect((await ReferralModel.findById(invitee).lean())?.referrerId.toHexString()).toBe(referrer._id.toHexString());
    await settleReferralRewards({ now: clock.now, settings: await app.deps.settings.at(clock.now), settingsSource: app.deps.settings });
    expect((await eventsOf('referral.bound', invitee)).map((event) => event.props)).toEqual([{ referrerId: referrer._id.toHexString() }]);
  });

  it('a binding that died before its welcome coupon: the settle job records referral.bound', async () => {
    const referrer = await buildMember();
    const invitee = await buildMember();
    await ReferralModel.create({ _id: invitee._id, referrerId: referrer._id, shareId: 'sCRASHED0001', boundAt: clock.now, state: 'joined', orderId: null, rewardClaimedAt: null, points: 0, rewardedAt: null, pointsKey: null, welcomeIssuedAt: null, nextCheckAt: clock.now });
    const context = { now: clock.now, settings: await app.deps.settings.at(clock.now), settingsSource: app.deps.settings };
    await settleReferralRewards(context);
    await settleReferralRewards(context);
    expect((await eventsOf('referral.bound', invitee._id)).map((event) => event.at)).toEqual([clock.now]);
  });

  it('the referrer’s reward, retried after a crash past the daily cap, records referral.rewarded once', async () => {
    const referrer = await buildMember();
    const invitee = await buildMember();
    await ReferralModel.create({ _id: invitee._id, referrerId: referrer._id, shareId: 'sREWARDED001', boundAt: clock.now, state: 'joined', orderId: null, rewardClaimedAt: null, points: 0, rewardedAt: null, pointsKey: null, welcomeIssuedAt: clock.now, nextCheckAt: clock.now });
    const order = { memberId: invitee._id.toHexString(), orderId: new Types.ObjectId().toHexString(), paidFen: 10_000, paidAt: clock.now, gift: false };
    const context = { now: clock.now, settings: await app.deps.settings.at(clock.now), settingsSource: app.deps.settings };
    await expect(rewardReferral(order, { ...context, rewardFaults: { afterSlotTaken: () => { throw new Error('crash'); } } })).rejects.toThrow('crash');
    expect(await eventsOf('referral.rewarded')).toHaveLength(0);
    expect((await rewardReferral(order, context))?.state).toBe('rewarded');
    expect(await rewardReferral(order, context)).toBeNull();
    const rewarded = await eventsOf('referral.rewarded', referrer._id);
    expect(rewarded.map((event) => ({ key: event.key, props: event.props }))).toEqual([
      { key: `referral.rewarded:${invitee._id.toHexString()}`, props: { inviteeId: invitee._id.toHexString(), orderId: order.orderId, points: expect.any(Number) } },
    ]);
    expect(rewarded[0]?.props.points).toBeGreaterThan(0);
  });
});

describe('message.sent, .failed, .skipped and .opened', () => {
  it('a campaign’s deliveries record their outcome once each; reading the message twice records one open', async () => {
    const { openid } = await sandbox.control().subscribe({ user: `reached-${new Types.ObjectId().toHexString()}` }, 'birthdayReminder');
    const reached = await buildMember({ openid });
    await creditTestAccepts(reached, 'sandbox-tmpl-birthday-reminder', 1, clock.now);
    const unconsenting = await buildMember();
    await grantMarketingConsent([reached]);
    // Real time may fall in the default quiet hours (21:00–09:00 in Shanghai), which would defer the send.
    await saveTestSettings(app.deps, { marketing: { quietHours: { start: '00:00', end: '00:00' } } });
    const campaign = await buildCampaign({ createdAt: clock.now, audience: { tiers: [], birthdayMonths: [] } });
    await materialiseCampaign(campaign._id, clock.now, 100);
    for (let round = 0; round < 3; round += 1) await dispatchDeliveries(app.deps, { workerId: `w${round}` });
    await settleSendingDeliveries(app.deps);
    await recordPendingDeliveryEvents(clock.now);
    await recordPendingDeliveryEvents(clock.now);

    const sent = await eventsOf('message.sent', reached._id);
    const key = deliveryKey(campaign._id, reached._id, 'once');
    expect(sent.map((event) => ({ key: event.key, props: event.props }))).toEqual([{ key: `message.sent:${key}`, props: { purpose: 'campaign', campaignId: campaign._id.toHexString(), channel: 'wechat_subscription', variant: 'main' } }]);
    expect((await eventsOf('message.skipped', unconsenting._id)).map((event) => event.props.reason)).toEqual(['no_consent']);
    expect(await CampaignDeliveryModel.countDocuments({ campaignId: campaign._id, eventPending: true })).toBe(0);

    const auth = await sessionFor(reached, { now: clock.now });
    const listed = await call('messages.list', auth, {});
    const [message] = listed.body.items as { id: string }[];
    await Promise.all([call('messages.read', auth, { ids: [message?.id] }), call('messages.read', auth, { all: true })]);
    expect((await call('messages.read', auth, { all: true })).body).toEqual({ unreadCount: 0 });
    expect((await eventsOf('message.opened', reached._id)).map((event) => event.key)).toEqual([`message.opened:${key}`]);
  });

  it('a settle that died before its event, and a stopped campaign’s queue: the outcomes job records them once', async () => {
    const member = await buildMember();
    const campaign = await buildCampaign({ createdAt: clock.now, trigger: { kind: 'birthday', daysBefore: [0] } });
    const settledAt = new Date(clock.now.getTime() - 5 * 60_000);
    const crashed = await CampaignDeliveryModel.create({ key: deliveryKey(campaign._id, member._id, '2026:T-0'), campaignId: campaign._id, memberId: member._id, occurrence: '2026:T-0', marketing: false, state: 'failed', errcode: 43101, nextAttemptAt: settledAt, settledAt, eventPending: true, createdAt: settledAt });
    await CampaignDeliveryModel.create({ key: deliveryKey(campaign._id, member._id, '2027:T-0'), campaignId: campaign._id, memberId: member._id, occurrence: '2027:T-0', marketing: false, state: 'queued', nextAttemptAt: clock.now, createdAt: settledAt });
    // The campaign was stopped: its queue is skipped in one write, whose events the settle job records.
    await skipQueuedDeliveries(campaign._id, settledAt);
    await recordPendingDeliveryEvents(clock.now);
    // A run that died after recording, before clearing the marks: the next run records nothing twice.
    await CampaignDeliveryModel.updateMany({ campaignId: campaign._id }, { $set: { eventPending: true } });
    await recordPendingDeliveryEvents(clock.now);
    expect((await eventsOf('message.failed', member._id)).map((event) => ({ key: event.key, props: event.props }))).toEqual([
      { key: `message.failed:${crashed.key}`, props: { reason: 'errcode_43101', purpose: 'birthday', campaignId: campaign._id.toHexString(), channel: 'wechat_subscription', variant: 'main' } },
    ]);
    expect((await eventsOf('message.skipped', member._id)).map((event) => event.props.reason)).toEqual(['campaign_stopped']);
  });
});

describe('post.published', () => {
  it('a post published at once, its submit retried, records post.published once, and the retry after a crash records it', async () => {
    const writer = await buildWriter();
    await sandbox.control().visit({ openid: writer.member.openid });
    const auth = await sessionFor(writer.member, { now: clock.now });
    const posts = await Promise.all([call('community.create', auth, { text: '今天的蛋糕真好吃', idempotencyKey: 'publish-once-1' }), call('community.create', auth, { text: '今天的蛋糕真好吃', idempotencyKey: 'publish-once-1' })]);
    expect(posts.map((post) => post.status)).toEqual([200, 200]);
    const post = await CommunityPostModel.findOne({ authorId: writer.member._id }).lean();
    expect((await eventsOf('post.published', writer.member._id)).map((event) => ({ key: event.key, props: event.props }))).toEqual([{ key: `post.published:${post?._id.toHexString()}`, props: { topicCode: null, photos: 0 } }]);

    // The write that stored it happened, the event did not (a crash): the author's retry of the same submit records it.
    await EventModel.deleteMany({ type: 'post.published' });
    expect((await call('community.create', auth, { text: '今天的蛋糕真好吃', idempotencyKey: 'publish-once-1' })).status).toBe(200);
    expect(await eventsOf('post.published', writer.member._id)).toHaveLength(1);
  });
});
