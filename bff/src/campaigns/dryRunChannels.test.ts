import { businessInstant, DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import { openidFor } from '../../../scripts/wechat-sandbox/state';
import { ConsentModel } from '../consents/Consent.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { MemberModel, type Member } from '../members/Member.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { buildTestApp, type TestApp } from '../test/app';
import { creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { bindTestPhone, grantSmsConsent, testPhone } from '../test/smsFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { CampaignModel } from './Campaign.model';
import { takeMarketingSlot } from './marketingCaps';

useTestDatabase();
const sandbox = useWechatSandbox({ push: {} });

const clock = { now: businessInstant('2026-11-25T10:00:00') };
let app: TestApp;
let cookie = '';

beforeAll(async () => {
  app = buildTestApp({ config: sandbox.config(), now: () => clock.now });
  sandbox.serve(app.server);
  cookie = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
});
beforeEach(async () => {
  await sandbox.control().reset();
  await Promise.all([MemberModel, ConsentModel, SubscriptionQuotaModel, DailyCounterModel].map((model) => (model as typeof MemberModel).deleteMany({})));
});

const call = (name: string, body: object) => app.http.post(`/api/${name}`).set('Cookie', cookie).send(body);

const SMS = { template: 'campaignNotice', params: ['{{campaignName}}', '{{nickname}}的会员日礼已备好'] };

async function dryRunOf(message: object, beforeDryRun?: (id: string) => Promise<void>) {
  const created = await call('ops.campaigns.create', {
    name: '会员日',
    trigger: { kind: 'push', sendAt: '2026-11-25T11:00:00+08:00' },
    audience: { tiers: [], birthdayMonths: [] },
    message: { template: 'birthdayReminder', fields: { thing1: '{{campaignName}}', date2: '2026年12月1日', thing3: '{{nickname}}，别错过' }, page: 'pages/birthday/index', inboxTitle: '会员日提醒', ...message },
    holdoutPermille: 0,
    endsAt: '2026-12-31T23:59:00+08:00',
  });
  expect(created.status).toBe(200);
  await beforeDryRun?.(created.body.id);
  const dryRun = await call('ops.campaigns.dryRun', { id: created.body.id });
  expect(dryRun.status).toBe(200);
  return dryRun.body;
}

interface MemberSetup {
  name: string;
  quota?: boolean;
  wechatConsent?: boolean;
  smsConsent?: boolean;
  phone?: number;
}

async function memberWith(setup: MemberSetup): Promise<Member> {
  const member = await buildMember({ openid: openidFor(setup.name), nickname: setup.name });
  if (setup.quota) await creditTestAccepts(member, 'sandbox-tmpl-birthday-reminder', 1, clock.now);
  if (setup.wechatConsent) await grantMarketingConsent([member]);
  if (setup.smsConsent) await grantSmsConsent([member]);
  if (setup.phone !== undefined) await bindTestPhone(member, testPhone(setup.phone), app.deps.config);
  return member;
}

describe('the dry run counts each channel: the subscription message, the SMS instead, neither and why', () => {
  it('with an SMS: quota → subscription message; no quota or no WeChat consent → SMS; no number, no SMS consent, R/TD, the cap → neither', async () => {
    await memberWith({ name: '订阅', quota: true, wechatConsent: true, smsConsent: true, phone: 1 });
    await memberWith({ name: '无次数', wechatConsent: true, smsConsent: true, phone: 2 });
    await memberWith({ name: '无微信同意', quota: true, smsConsent: true, phone: 3 });
    await memberWith({ name: '无号码', wechatConsent: true, smsConsent: true });
    await memberWith({ name: '从未同意短信', wechatConsent: true, phone: 4 });
    const withdrewInApp = await memberWith({ name: '应用内撤回', wechatConsent: true, smsConsent: true, phone: 5 });
    await ConsentModel.create({ memberId: withdrewInApp._id, purpose: 'sms_marketing', action: 'withdraw', version: 'sms-2026-01', at: new Date(1000), ip: null, via: 'app' });
    await memberWith({ name: '回复退订', wechatConsent: true, smsConsent: true, phone: 6 });
    // The member replies R to an earlier SMS: Tencent posts the reply to the BFF, which withdraws the consent.
    expect((await sandbox.sms().reply(testPhone(6), 'R')).accepted).toBe(true);
    const capped = await memberWith({ name: '已达上限', wechatConsent: true, smsConsent: true, phone: 7 });
    for (let index = 0; index < DEFAULT_PROGRAM_SETTINGS.marketing.weeklyCapPerMember; index += 1) {
      // Monday and Tuesday of this week (a Wednesday): the daily cap is free today, the weekly one is spent.
      await takeMarketingSlot(capped._id, `earlier-${index}`, new Date(clock.now.getTime() - (index + 1) * 86_400_000), DEFAULT_PROGRAM_SETTINGS.marketing);
    }

    const dryRun = await dryRunOf({ sms: SMS });
    expect(dryRun.audienceSize).toBe(8);
    expect(dryRun.channels).toEqual({ subscription: 1, sms: 2, neither: { no_phone: 1, no_sms_consent: 2, sms_unsubscribed: 1, cap: 1 } });
    // The subscription message's own count is unchanged by the SMS.
    expect(dryRun.wouldSend).toBe(1);
  });

  it('without an SMS the reason is the subscription message’s (no consent, no quota); an SMS-only campaign never counts the subscription message', async () => {
    await memberWith({ name: '订阅', quota: true, wechatConsent: true, smsConsent: true, phone: 1 });
    await memberWith({ name: '无次数', wechatConsent: true, smsConsent: true, phone: 2 });
    await memberWith({ name: '未同意', quota: true });
    expect((await dryRunOf({})).channels).toEqual({ subscription: 1, sms: 0, neither: { no_quota: 1, no_consent: 1 } });
    expect((await dryRunOf({ sms: SMS, smsOnly: true })).channels).toEqual({ subscription: 0, sms: 2, neither: { no_phone: 1 } });
  });

  it('held-out members get neither', async () => {
    await memberWith({ name: '订阅', quota: true, wechatConsent: true, smsConsent: true, phone: 1 });
    await memberWith({ name: '短信', wechatConsent: true, smsConsent: true, phone: 2 });
    // Everyone held out (more than ops may choose, so every member lands in the holdout whatever the hash).
    const dryRun = await dryRunOf({ sms: SMS }, async (id) => {
      await CampaignModel.updateOne({ _id: id }, { $set: { holdoutPermille: 1000 } });
    });
    expect(dryRun.skipped).toEqual({ holdout: 2 });
    expect(dryRun.channels).toEqual({ subscription: 0, sms: 0, neither: { holdout: 2 } });
  });
});
