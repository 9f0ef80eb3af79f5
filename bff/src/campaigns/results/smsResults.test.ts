import { businessInstant } from '@cakeday/shared';
import { openidFor } from '../../../../scripts/wechat-sandbox/state';
import { ConsentModel } from '../../consents/Consent.model';
import { DailyCounterModel } from '../../db/DailyCounter.model';
import { consumeEvents } from '../../events/consumeEvents';
import { EventModel } from '../../events/Event.model';
import { eventKey, recordEvent } from '../../events/recordEvent';
import { MemberModel, type Member } from '../../members/Member.model';
import { InboxMessageModel } from '../../messages/InboxMessage.model';
import { SmsReceiptModel } from '../../sms/SmsReceipt.model';
import { SubscriptionQuotaModel } from '../../subscriptions/SubscriptionQuota.model';
import { buildTestApp, type TestApp } from '../../test/app';
import { buildCampaign, creditTestAccepts, grantMarketingConsent } from '../../test/campaignFactories';
import { useTestDatabase } from '../../test/database';
import { buildMember } from '../../test/factories';
import { buildOperator, opsCookieFor } from '../../test/operatorFactories';
import { bindTestPhone, grantSmsConsent, testPhone } from '../../test/smsFactories';
import { useWechatSandbox } from '../../test/wechatSandbox';
import type { Campaign } from '../Campaign.model';
import { CampaignDeliveryModel } from '../CampaignDelivery.model';
import { recordPendingDeliveryEvents } from '../deliveryEvents';
import { dispatchDeliveries, type DispatchFaults } from '../dispatchDeliveries';
import { materialiseCampaign } from '../materialiseCampaign';
import { openDelivery } from '../openDelivery';
import { settleSendingDeliveries } from '../settleSendingDeliveries';
import { SendRateWindowModel } from '../SendRateWindow.model';
import { CampaignResultModel } from './CampaignResult.model';
import { createCampaignResultsConsumer } from './campaignResultsConsumer';
import { CampaignTouchesModel } from './CampaignTouches.model';

useTestDatabase();
const sandbox = useWechatSandbox({ push: {} });

const clock = { now: businessInstant('2026-11-23T10:00:00') };
let instances: TestApp[];
const app = (): TestApp => instances[0]!;

beforeAll(() => {
  const config = sandbox.config({ CAMPAIGN_SEND_RATE_PER_SECOND: '10000' });
  instances = Array.from({ length: 3 }, () => buildTestApp({ config, now: () => clock.now }));
  sandbox.serve(app().server);
});
beforeEach(async () => {
  await sandbox.control().reset();
  const models = [MemberModel, CampaignDeliveryModel, InboxMessageModel, SubscriptionQuotaModel, SendRateWindowModel, ConsentModel, DailyCounterModel, SmsReceiptModel, CampaignResultModel, CampaignTouchesModel];
  await Promise.all(models.map((model) => (model as typeof MemberModel).deleteMany({})));
  clock.now = businessInstant('2026-11-23T10:00:00');
});

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

async function subscribed(name: string): Promise<Member> {
  const member = await buildMember({ openid: openidFor(name), nickname: name });
  await sandbox.control().subscribe({ user: name }, 'birthdayReminder');
  await creditTestAccepts(member, 'sandbox-tmpl-birthday-reminder', 1, clock.now);
  await grantMarketingConsent([member]);
  return member;
}

/** A member without subscription quota who agreed to marketing SMS: the campaign reaches them by SMS. */
async function smsMember(name: string, phone: number): Promise<Member> {
  const member = await buildMember({ openid: openidFor(name), nickname: name });
  await grantMarketingConsent([member]);
  await grantSmsConsent([member]);
  await bindTestPhone(member, testPhone(phone), app().deps.config);
  return member;
}

async function drain(target: TestApp, workerId: string, batchSize = 50, faults?: DispatchFaults): Promise<void> {
  for (let round = 0; round < 200; round += 1) {
    if ((await dispatchDeliveries(target.deps, { workerId: `${workerId}:${round}`, batchSize, faults })).claimed === 0) return;
  }
}

const consumeResults = () => consumeEvents(createCampaignResultsConsumer(async () => 7), { now: new Date(clock.now.getTime() + 60_000) });

async function resultsOf(campaign: Campaign) {
  const analyst = await opsCookieFor(app().http, await buildOperator({ roles: ['analyst'] }));
  const answer = await app().http.post('/api/ops.campaigns.results').set('Cookie', analyst).send({ id: campaign._id.toHexString() });
  expect(answer.status).toBe(200);
  return answer.body;
}

const eventsOf = (type: 'message.sent' | 'message.failed', campaign: Campaign) => EventModel.find({ type, 'props.campaignId': campaign._id.toHexString() }).lean();

describe('SMS sends in the campaign’s results, as subscription messages are', () => {
  it('message.sent names the SMS channel; the funnel, opens and attributed GMV count SMS recipients, each once through a retried send, a repeated receipt and a replayed outbox', async () => {
    const viaWechat = await subscribed('订阅');
    const viaSms = await Promise.all([smsMember('短信甲', 1), smsMember('短信乙', 2), smsMember('限频', 3)]);
    // The third number is at Tencent's frequency limit on the first try: nothing is sent, the delivery is retried.
    sandbox.sms().configure({ limits: { sameContentPerThirtySeconds: 1, sameContentPerHour: 1, perDay: 10 } });
    await app().deps.sms.sendSms({ phoneNumbers: [`+86${testPhone(3)}`], templateId: app().deps.config.SMS_TEMPLATE_CAMPAIGN_NOTICE, params: ['会员日', '限频的会员日礼已备好'] });
    const campaign = await smsCampaign();
    await materialiseCampaign(campaign._id, clock.now);
    await drain(app(), 'first');
    expect(await CampaignDeliveryModel.findOne({ memberId: viaSms[2]!._id }).lean()).toMatchObject({ state: 'queued', attempts: 1 });
    sandbox.sms().configure({ limits: { sameContentPerThirtySeconds: 5, sameContentPerHour: 5, perDay: 10 } });
    clock.now = new Date(clock.now.getTime() + 2 * 60_000);
    await drain(app(), 'retry');
    expect(await CampaignDeliveryModel.countDocuments({ campaignId: campaign._id, state: 'sent', channel: 'sms' })).toBe(3);
    // The dispatcher records the SMS's message.sent itself, as it does a subscription message's (before the outcomes job).
    expect((await eventsOf('message.sent', campaign)).map((event) => event.props.channel).sort()).toEqual(['sms', 'sms', 'sms', 'wechat_subscription']);

    // Tencent's receipts: two reached the phone, one did not; each post is repeated (Tencent retries).
    expect((await sandbox.sms().deliverReports({ phoneNumber: testPhone(2), status: 'FAIL' }))?.accepted).toBe(true);
    expect((await sandbox.sms().repeatLast()).accepted).toBe(true);
    expect((await sandbox.sms().deliverReports())?.accepted).toBe(true);
    expect((await sandbox.sms().repeatLast()).accepted).toBe(true);
    // The outcomes job runs twice (a replay after a crash records nothing new).
    await recordPendingDeliveryEvents(clock.now);
    await recordPendingDeliveryEvents(clock.now);

    const sent = await eventsOf('message.sent', campaign);
    expect(sent.map((event) => event.props.channel).sort()).toEqual(['sms', 'sms', 'sms', 'wechat_subscription']);
    expect(new Set(sent.map((event) => event.key)).size).toBe(4);
    expect((await eventsOf('message.failed', campaign)).map((event) => [event.memberId?.toHexString(), event.props.reason, event.props.channel])).toEqual([[viaSms[1]!._id.toHexString(), 'sms_undelivered', 'sms']]);

    // The first SMS member reads it in 消息中心 and buys the next day; so does the member reached by WeChat.
    const later = new Date(clock.now.getTime() + 86_400_000);
    const smsDelivery = await CampaignDeliveryModel.findOne({ memberId: viaSms[0]!._id }).lean();
    await openDelivery(smsDelivery!, undefined, later);
    for (const [index, member] of [viaSms[0]!, viaWechat].entries()) {
      await recordEvent({ type: 'order.paid', key: eventKey('order.paid', `sms-${index}`), at: later, memberId: member._id, subject: { type: 'order', id: `sms-${index}` }, props: { cashFen: 8_800 } }, later);
    }
    clock.now = new Date(later.getTime() + 60_000);
    await consumeResults();
    await consumeResults();

    const results = await resultsOf(campaign);
    expect(results.funnel.map((step: { step: string; members: number }) => [step.step, step.members])).toEqual([
      ['reached', 4],
      ['delivered', 4],
      ['opened', 1],
      ['claimed', 0],
      ['used', 0],
    ]);
    expect(results).toMatchObject({ attributedOrders: 2, gmvFen: 2 * 8_800, treatment: { members: 4, conversions: 2 } });
  }, 120_000);

  it('a worker killed after Tencent took the SMS: the receipt settles it, and the results count every SMS recipient exactly once', async () => {
    // After the first test's events: the results consumer's checkpoint is past them.
    clock.now = businessInstant('2026-12-21T10:00:00');
    const members = await Promise.all(Array.from({ length: 12 }, (_, index) => smsMember(`sms-${index}`, 100 + index)));
    const campaign = await smsCampaign();
    await materialiseCampaign(campaign._id, clock.now);
    let seen = 0;
    const crash: DispatchFaults = {
      afterSmsCall: () => {
        seen += 1;
        if (seen === 3) throw new Error('worker killed');
      },
    };
    const [first, ...others] = instances as [TestApp, ...TestApp[]];
    await expect(dispatchDeliveries(first.deps, { workerId: 'doomed', batchSize: 6, faults: crash })).rejects.toThrow('worker killed');
    await Promise.all(others.map((instance, index) => drain(instance, `survivor-${index}`, 4)));
    await sandbox.sms().deliverReports();
    clock.now = new Date(clock.now.getTime() + 15 * 60_000);
    await Promise.all(others.map((instance, index) => drain(instance, `later-${index}`, 4)));
    await settleSendingDeliveries(first.deps);
    await settleSendingDeliveries(first.deps);
    await recordPendingDeliveryEvents(clock.now);
    await consumeResults();

    expect(sandbox.sms().outbox()).toHaveLength(members.length);
    expect(await CampaignDeliveryModel.countDocuments({ campaignId: campaign._id, state: 'sent', channel: 'sms' })).toBe(members.length);
    const sent = await eventsOf('message.sent', campaign);
    expect(sent).toHaveLength(members.length);
    expect(new Set(sent.map((event) => event.memberId?.toHexString())).size).toBe(members.length);
    expect(sent.every((event) => event.props.channel === 'sms')).toBe(true);
    const results = await resultsOf(campaign);
    expect(results.funnel.slice(0, 2).map((step: { members: number }) => step.members)).toEqual([members.length, members.length]);
  }, 120_000);
});
