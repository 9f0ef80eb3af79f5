import { businessInstant, consentTexts, DEFAULT_BIRTHDAY_PACKAGES } from '@cakeday/shared';
import { Types } from 'mongoose';
import { BirthdayPackageModel } from '../birthday/BirthdayPackage.model';
import { ConsentModel } from '../consents/Consent.model';
import { EventModel } from '../events/Event.model';
import { recordEvent } from '../events/recordEvent';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, type TestApp } from '../test/app';
import { creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { CampaignModel } from '../campaigns/Campaign.model';
import { ensureCampaignPresets } from '../campaigns/campaignPresets';
import { dispatchDeliveries } from '../campaigns/dispatchDeliveries';
import { runCampaigns } from '../campaigns/runCampaigns';
import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { MemberModel } from '../members/Member.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { InboxMessageModel } from './InboxMessage.model';

useTestDatabase();
const sandbox = useWechatSandbox();

const clock = { now: businessInstant('2027-06-01T10:00:00') };
let app: TestApp;
let analyst: { loginName: string } = { loginName: '' };

beforeAll(async () => {
  app = buildTestApp({ config: sandbox.config(), now: () => clock.now });
  await ensureTestCouponTemplates();
  for (const pkg of DEFAULT_BIRTHDAY_PACKAGES) {
    await BirthdayPackageModel.updateOne({ code: pkg.code }, { $setOnInsert: { ...pkg, active: true, createdAt: clock.now, updatedAt: clock.now } }, { upsert: true });
  }
});

/** A member with a birthday on 15 June who accepted 生日提醒 twice, and the running birthday preset. */
async function birthdayCampaignSentT7(): Promise<{ campaignId: string; deliveryId: string; auth: string; memberId: Types.ObjectId }> {
  await sandbox.control().reset();
  await Promise.all([MemberModel, CampaignModel, CampaignDeliveryModel, InboxMessageModel, SubscriptionQuotaModel, DailyCounterModel, EventModel].map((model) => (model as typeof MemberModel).deleteMany({})));
  clock.now = businessInstant('2027-06-01T10:00:00');
  const [preset] = await ensureCampaignPresets(clock.now);
  await CampaignModel.updateOne({ _id: preset?._id }, { $set: { state: 'running' } });
  const { openid } = await sandbox.control().subscribe({ user: 'opener' }, 'birthdayReminder', 'accept', 2);
  const member = await buildMember({ openid, birthday: { month: 6, day: 15, year: null } });
  await creditTestAccepts(member, 'sandbox-tmpl-birthday-reminder', 2);
  await grantMarketingConsent([member]);
  clock.now = businessInstant('2027-06-08T10:00:00');
  await runCampaigns(app.deps);
  while ((await dispatchDeliveries(app.deps, { workerId: 'opened-test' })).claimed > 0);
  const [sent] = await sandbox.control().outbox(openid);
  const deliveryId = /\?delivery=([0-9a-f]{24})$/.exec(sent?.page ?? '')?.[1] ?? '';
  analyst = await buildOperator({ roles: ['analyst'] });
  return { campaignId: String(preset?._id), deliveryId, auth: await sessionFor(member, { now: clock.now }), memberId: member._id };
}

/** As an analyst logged in at the clock's now (a session from before a moved clock has expired). */
const report = async (id: string) => (await app.http.post('/api/ops.campaigns.report').set('Cookie', await opsCookieFor(app.http, analyst)).send({ id })).body;

describe('messages.opened: the landing page reports its delivery', () => {
  it('counts the open once in the campaign report however often the page is opened, and reads the 消息中心 copy', async () => {
    const { campaignId, deliveryId, auth } = await birthdayCampaignSentT7();
    expect(deliveryId).toMatch(/^[0-9a-f]{24}$/);
    expect(await report(campaignId)).toMatchObject({ byState: { sent: 1 }, opened: 0 });

    for (let open = 0; open < 3; open += 1) {
      const opened = await app.http.post('/api/messages.opened').set('Authorization', auth).send({ delivery: deliveryId });
      expect(opened.status).toBe(200);
      expect(opened.body).toEqual({ ok: true });
    }

    expect(await report(campaignId)).toMatchObject({ byState: { sent: 1 }, opened: 1 });
    expect((await app.http.post('/api/messages.list').set('Authorization', auth).send({})).body.unreadCount).toBe(0);
  });

  it('writes one message.opened to the event outbox, with the campaign, its purpose and the launch scene', async () => {
    const { campaignId, deliveryId, auth } = await birthdayCampaignSentT7();

    for (const scene of [1014, 1001]) await app.http.post('/api/messages.opened').set('Authorization', auth).send({ delivery: deliveryId, scene });

    const events = await EventModel.find({ type: 'message.opened' }).lean();
    expect(events).toHaveLength(1);
    // The same event (key and props) as a read in 消息中心 and the campaign's results count: one path records opens.
    expect(events[0]).toMatchObject({
      subject: { type: 'campaign_delivery', id: deliveryId },
      props: { campaignId, purpose: 'birthday', variant: 'main', channel: 'wechat_subscription', scene: 1014 },
    });
    expect(events[0]?.key).toBe(`message.opened:${(await CampaignDeliveryModel.findById(deliveryId).lean())?.key}`);
  });

  it('someone else’s delivery id, an unknown one or none at all opens nothing', async () => {
    const { campaignId, deliveryId } = await birthdayCampaignSentT7();
    const stranger = await sessionFor(await buildMember(), { now: clock.now });

    expect((await app.http.post('/api/messages.opened').set('Authorization', stranger).send({ delivery: deliveryId })).status).toBe(200);
    expect((await app.http.post('/api/messages.opened').set('Authorization', stranger).send({ delivery: 'f'.repeat(24) })).status).toBe(200);
    expect((await app.http.post('/api/messages.opened').send({ delivery: deliveryId })).status).toBe(401);
    expect((await app.http.post('/api/messages.opened').set('Authorization', stranger).send({ delivery: 'not-an-id' })).status).toBe(400);

    expect(await report(campaignId)).toMatchObject({ opened: 0 });
  });
});

describe('the campaign report: what the members reached did next within 7 days', () => {
  const claim = (auth: string) => app.http.post('/api/birthday.claim').set('Authorization', auth).send({ packageCode: 'birthday-month-coupon' });
  const orderPaid = (memberId: Types.ObjectId, at: Date) =>
    recordEvent({ type: 'order.paid', key: `order.paid:${new Types.ObjectId().toHexString()}`, at, memberId, subject: { type: 'order', id: new Types.ObjectId().toHexString() }, props: { cashFen: 3800 } });

  it('counts a claim and an order within 7 days after the message, each member once, and nothing later or from members not reached', async () => {
    const { campaignId, memberId } = await birthdayCampaignSentT7();
    await ConsentModel.create({ memberId, purpose: 'birthday', action: 'grant', version: consentTexts.birthday.version, at: clock.now, ip: null });
    const stranger = await buildMember({ birthday: { month: 6, day: 15, year: null } });
    await ConsentModel.create({ memberId: stranger._id, purpose: 'birthday', action: 'grant', version: consentTexts.birthday.version, at: clock.now, ip: null });
    expect(await report(campaignId)).toMatchObject({ followUps: { claimedBenefit: 0, placedOrder: 0 } });

    clock.now = businessInstant('2027-06-10T12:00:00');
    const member = await MemberModel.findById(memberId).lean();
    expect((await claim(await sessionFor(member ?? stranger, { now: clock.now }))).status).toBe(200);
    expect((await claim(await sessionFor(stranger, { now: clock.now }))).status).toBe(200);
    await orderPaid(memberId, businessInstant('2027-06-16T12:00:00'));
    await orderPaid(stranger._id, businessInstant('2027-06-11T12:00:00'));
    expect(await report(campaignId)).toMatchObject({ followUps: { claimedBenefit: 1, placedOrder: 0 } });

    await orderPaid(memberId, businessInstant('2027-06-14T12:00:00'));
    await orderPaid(memberId, businessInstant('2027-06-15T09:00:00'));
    expect(await report(campaignId)).toMatchObject({ followUps: { claimedBenefit: 1, placedOrder: 1 } });
  });
});
