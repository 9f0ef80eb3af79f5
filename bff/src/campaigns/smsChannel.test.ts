import { businessInstant } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { buildCampaign, creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { openidFor } from '../../../scripts/wechat-sandbox/state';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { bindTestPhone, grantSmsConsent, testPhone } from '../test/smsFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { MemberModel, type Member } from '../members/Member.model';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { ConsentModel } from '../consents/Consent.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { SmsReceiptModel } from '../sms/SmsReceipt.model';
import type { Campaign } from './Campaign.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { dispatchDeliveries, type DispatchFaults } from './dispatchDeliveries';
import { materialiseCampaign } from './materialiseCampaign';
import { settleSendingDeliveries } from './settleSendingDeliveries';
import { SendRateWindowModel } from './SendRateWindow.model';

useTestDatabase();
const sandbox = useWechatSandbox({ push: {} });

const clock = { now: businessInstant('2026-11-23T10:00:00') };
let instances: TestApp[];

beforeAll(() => {
  const config = sandbox.config({ CAMPAIGN_SEND_RATE_PER_SECOND: '10000' });
  instances = Array.from({ length: 4 }, () => buildTestApp({ config, now: () => clock.now }));
  sandbox.serve(instances[0]!.server);
});
beforeEach(async () => {
  await sandbox.control().reset();
  await Promise.all([MemberModel, CampaignDeliveryModel, InboxMessageModel, SubscriptionQuotaModel, SendRateWindowModel, ConsentModel, DailyCounterModel, SmsReceiptModel].map((model) => (model as typeof MemberModel).deleteMany({})));
  clock.now = businessInstant('2026-11-23T10:00:00');
});

const app = (): TestApp => instances[0]!;

/** A push with an SMS for members without subscription quota. */
const smsCampaign = (): Promise<Campaign> =>
  buildCampaign({
    createdAt: clock.now,
    name: '会员日',
    message: {
      template: 'birthdayReminder',
      fields: { thing1: '{{campaignName}}', date2: '2026年12月1日', thing3: '{{nickname}}，别错过' },
      page: 'pages/birthday/index',
      inboxTitle: '会员日提醒',
      sms: { template: 'campaignNotice', params: ['{{campaignName}}', '{{nickname}}的会员日礼已备好'] },
    },
  });

interface MemberSetup {
  name: string;
  quota?: boolean;
  wechatConsent?: boolean;
  smsConsent?: boolean;
  phone?: number;
}

async function memberWith(setup: MemberSetup): Promise<Member> {
  const member = await buildMember({ openid: openidFor(setup.name), nickname: setup.name });
  if (setup.quota) {
    // One accept in WeChat and in the ledger (the popup push is signed at WeChat's real time, which this moved clock refuses).
    await sandbox.control().subscribe({ user: setup.name }, 'birthdayReminder');
    await creditTestAccepts(member, 'sandbox-tmpl-birthday-reminder', 1, clock.now);
  }
  if (setup.wechatConsent) await grantMarketingConsent([member]);
  if (setup.smsConsent) await grantSmsConsent([member]);
  if (setup.phone !== undefined) await bindTestPhone(member, testPhone(setup.phone), app().deps.config);
  return member;
}

async function drain(target: TestApp, workerId: string, batchSize = 50, faults?: DispatchFaults): Promise<void> {
  for (let round = 0; round < 200; round += 1) {
    if ((await dispatchDeliveries(target.deps, { workerId: `${workerId}:${round}`, batchSize, faults })).claimed === 0) return;
  }
}

const deliveryOf = async (member: Member) => CampaignDeliveryModel.findOne({ memberId: member._id }).lean();

describe('channels in order: the subscription message if quota, else the SMS if consented, always 消息中心', () => {
  it('each member gets one message by the first channel open to them, and every delivery lands in 消息中心', async () => {
    const subscribed = await memberWith({ name: '订阅', quota: true, wechatConsent: true, smsConsent: true, phone: 1 });
    const smsOnly = await memberWith({ name: '短信', wechatConsent: true, smsConsent: true, phone: 2 });
    const noSmsConsent = await memberWith({ name: '无短信', wechatConsent: true, phone: 3 });
    const noWechatConsent = await memberWith({ name: '仅短信', quota: true, smsConsent: true, phone: 4 });
    const noPhone = await memberWith({ name: '无号码', wechatConsent: true, smsConsent: true });
    const campaign = await smsCampaign();
    await materialiseCampaign(campaign._id, clock.now);
    await drain(app(), 'w');

    expect((await sandbox.control().outbox()).map((message) => message.touser)).toEqual([subscribed.openid]);
    expect(sandbox.sms().outbox().map((message) => [message.phoneNumber, message.content])).toEqual(
      expect.arrayContaining([
        [`+86${testPhone(2)}`, '【蛋糕日】会员日：短信的会员日礼已备好，详情请打开蛋糕日小程序查看。拒收请回复R'],
        [`+86${testPhone(4)}`, '【蛋糕日】会员日：仅短信的会员日礼已备好，详情请打开蛋糕日小程序查看。拒收请回复R'],
      ]),
    );
    expect(sandbox.sms().outbox()).toHaveLength(2);
    expect(await deliveryOf(subscribed)).toMatchObject({ state: 'sent', channel: 'subscription' });
    expect(await deliveryOf(smsOnly)).toMatchObject({ state: 'sent', channel: 'sms', smsSerialNo: expect.any(String) });
    expect(await deliveryOf(noWechatConsent)).toMatchObject({ state: 'sent', channel: 'sms' });
    expect(await deliveryOf(noSmsConsent)).toMatchObject({ state: 'skipped', skipReason: 'no_quota', channel: 'inbox' });
    expect(await deliveryOf(noPhone)).toMatchObject({ state: 'skipped', skipReason: 'no_quota', channel: 'inbox' });
    expect(await InboxMessageModel.countDocuments({})).toBe(5);
    // The quota of the member who got the SMS was never touched (nothing held, nothing sent by WeChat).
    expect(await SubscriptionQuotaModel.findOne({ memberId: noWechatConsent._id }).lean()).toMatchObject({ remaining: 1, sentTotal: 0 });
  });

  it('the SMS receipt tells the delivery it reached the phone; a reply of R stops the next campaign’s SMS at once', async () => {
    const member = await memberWith({ name: '退订', wechatConsent: true, smsConsent: true, phone: 5 });
    const first = await smsCampaign();
    await materialiseCampaign(first._id, clock.now);
    await drain(app(), 'first');
    expect((await sandbox.sms().deliverReports())?.accepted).toBe(true);
    expect(await CampaignDeliveryModel.findOne({ campaignId: first._id }).lean()).toMatchObject({ channel: 'sms', smsReport: 'delivered' });

    expect((await sandbox.sms().reply(testPhone(5), 'R')).accepted).toBe(true);
    // The next day (the marketing caps are per day).
    clock.now = new Date(clock.now.getTime() + 86_400_000);
    const second = await smsCampaign();
    await materialiseCampaign(second._id, clock.now);
    await drain(app(), 'second');
    expect(sandbox.sms().outbox()).toHaveLength(1);
    expect(await CampaignDeliveryModel.findOne({ campaignId: second._id }).lean()).toMatchObject({ state: 'skipped', skipReason: 'no_quota', channel: 'inbox' });
    expect(await InboxMessageModel.countDocuments({ memberId: member._id })).toBe(2);
  });

  it('a number at Tencent’s frequency limit is sent nothing now and retried after a backoff (never dropped)', async () => {
    const member = await memberWith({ name: '限频', wechatConsent: true, smsConsent: true, phone: 6 });
    sandbox.sms().configure({ limits: { sameContentPerThirtySeconds: 1, sameContentPerHour: 1, perDay: 10 } });
    await app().deps.sms.sendSms({ phoneNumbers: [`+86${testPhone(6)}`], templateId: app().deps.config.SMS_TEMPLATE_CAMPAIGN_NOTICE, params: ['会员日', '限频的会员日礼已备好'] });
    const campaign = await smsCampaign();
    await materialiseCampaign(campaign._id, clock.now);
    await drain(app(), 'limited');
    expect(await deliveryOf(member)).toMatchObject({ state: 'queued', channel: null, attempts: 1 });
    expect(await InboxMessageModel.countDocuments({ memberId: member._id })).toBe(0);
    sandbox.sms().configure({ limits: { sameContentPerThirtySeconds: 5, sameContentPerHour: 5, perDay: 10 } });
    clock.now = new Date(clock.now.getTime() + 2 * 60_000);
    await drain(app(), 'later');
    expect(await deliveryOf(member)).toMatchObject({ state: 'sent', channel: 'sms' });
    expect(sandbox.sms().outbox(testPhone(6))).toHaveLength(2);
  });
});

describe('the SMS channel, exactly once', () => {
  async function smsMembers(count: number): Promise<Member[]> {
    const members: Member[] = [];
    for (let index = 0; index < count; index += 1) members.push(await memberWith({ name: `sms-${index}`, wechatConsent: true, smsConsent: true, phone: 100 + index }));
    return members;
  }

  it('one campaign over 80 members dispatched by 4 instances at once: each number gets exactly one SMS', async () => {
    await smsMembers(80);
    const campaign = await smsCampaign();
    await materialiseCampaign(campaign._id, clock.now);
    await Promise.all(instances.map((instance, index) => drain(instance, `i${index}`, 10)));
    const phones = sandbox.sms().outbox().map((message) => message.phoneNumber);
    expect(phones).toHaveLength(80);
    expect(new Set(phones).size).toBe(80);
    expect(await CampaignDeliveryModel.countDocuments({ state: 'sent', channel: 'sms' })).toBe(80);
  }, 120_000);

  it.each([
    ['after choosing the SMS, before calling Tencent', (crash: () => never): DispatchFaults => {
      let seen = 0;
      return { afterSmsChannel: () => (++seen === 5 ? crash() : undefined) };
    }],
    ['after Tencent took the SMS, before its outcome was written', (crash: () => never): DispatchFaults => {
      let seen = 0;
      return { afterSmsCall: () => (++seen === 5 ? crash() : undefined) };
    }],
  ])('a worker killed %s: after recovery nobody gets two, none queued is lost, Tencent’s receipt settles what it sent', async (when, faultsFor) => {
    const members = await smsMembers(30);
    const campaign = await smsCampaign();
    await materialiseCampaign(campaign._id, clock.now);
    const crash = (): never => {
      throw new Error('worker killed');
    };
    const [first, ...others] = instances as [TestApp, ...TestApp[]];
    await expect(dispatchDeliveries(first.deps, { workerId: 'doomed', batchSize: 10, faults: faultsFor(crash) })).rejects.toThrow('worker killed');
    await Promise.all(others.map((instance, index) => drain(instance, `survivor-${index}`, 5)));
    // Tencent posts its receipts; later the leases and the settle window have run out.
    await sandbox.sms().deliverReports();
    clock.now = new Date(clock.now.getTime() + 15 * 60_000);
    await Promise.all(others.map((instance, index) => drain(instance, `later-${index}`, 5)));
    await settleSendingDeliveries(first.deps);
    await Promise.all(others.map((instance, index) => drain(instance, `after-settle-${index}`, 5)));

    const phones = sandbox.sms().outbox().map((message) => message.phoneNumber);
    expect(new Set(phones).size).toBe(phones.length);
    const deliveries = await CampaignDeliveryModel.find({ campaignId: campaign._id }).lean();
    expect(deliveries).toHaveLength(members.length);
    const tally = deliveries.reduce<Record<string, number>>((counts, delivery) => ({ ...counts, [delivery.state]: (counts[delivery.state] ?? 0) + 1 }), {});
    expect(tally.queued ?? 0).toBe(0);
    expect(tally.sending ?? 0).toBe(0);
    if (when.startsWith('after Tencent')) {
      // The crashed send reached the phone: its receipt settled it as sent, so every SMS sent is counted once.
      expect(tally).toEqual({ sent: members.length });
      expect(phones).toHaveLength(members.length);
    } else {
      // Tencent was never called for it: in doubt (unknown), never sent twice; everyone else got one.
      expect(tally).toEqual({ sent: members.length - 1, unknown: 1 });
      expect(phones).toHaveLength(members.length - 1);
    }
    expect(await InboxMessageModel.countDocuments({})).toBe(members.length);
  }, 120_000);
});
