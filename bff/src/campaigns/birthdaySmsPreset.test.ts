import { creditTestAccepts, grantMarketingConsent, useCampaignEngine } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { bindTestPhone, grantSmsConsent, testPhone } from '../test/smsFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { MemberModel, type Member } from '../members/Member.model';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { ConsentModel } from '../consents/Consent.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { runPendingMigrations } from '../db/migrations';
import { MigrationModel } from '../db/Migration.model';
import { CampaignModel } from './Campaign.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { BIRTHDAY_PRESET, BIRTHDAY_T3_SMS_PRESET, ensureCampaignPresets } from './campaignPresets';

useTestDatabase();
const sandbox = useWechatSandbox();

const engine = useCampaignEngine(sandbox, {
  startsAt: '2027-02-01T10:00:00',
  clear: [MemberModel, CampaignModel, CampaignDeliveryModel, InboxMessageModel, SubscriptionQuotaModel, DailyCounterModel, ConsentModel, MigrationModel],
});
const { clock } = engine;
beforeEach(async () => {
  await ensureCampaignPresets(clock.now);
  // Ops reviewed, approved and started both.
  await CampaignModel.updateMany({ presetKey: { $in: [BIRTHDAY_PRESET.presetKey, BIRTHDAY_T3_SMS_PRESET.presetKey] } }, { $set: { state: 'running' } });
});

/** A member born on 29 Feb with one accept of 生日提醒, both marketing consents and a bound phone. */
async function leapDayMember(name: string, phone: number): Promise<Member> {
  const { openid } = await sandbox.control().subscribe({ user: name }, 'birthdayReminder');
  const member = await buildMember({ openid, nickname: '闰闰', birthday: { month: 2, day: 29, year: 2000 } });
  await creditTestAccepts(member, 'sandbox-tmpl-birthday-reminder', 1);
  await grantMarketingConsent([member]);
  await grantSmsConsent([member]);
  await bindTestPhone(member, testPhone(phone), engine.app().deps.config);
  return member;
}

async function dayAt(local: string): Promise<void> {
  engine.at(local);
  await engine.tick();
}

const presetOf = async (id: unknown): Promise<string> => (await CampaignModel.findById(id, { presetKey: 1 }).lean())?.presetKey ?? '';
async function deliveries(): Promise<string[][]> {
  const found = await CampaignDeliveryModel.find({}).sort({ createdAt: 1, occurrence: -1 }).lean();
  return Promise.all(found.map(async (delivery) => [await presetOf(delivery.campaignId), delivery.occurrence, delivery.state, delivery.channel ?? '']));
}

describe('the birthday T-3 SMS beside T-7 / T-0 (Asia/Shanghai, a moved clock)', () => {
  it('is created once, by the start-up migration too, however often it runs', async () => {
    await CampaignModel.deleteMany({ presetKey: BIRTHDAY_T3_SMS_PRESET.presetKey });
    await runPendingMigrations(clock.now);
    await runPendingMigrations(clock.now);
    await ensureCampaignPresets(clock.now);
    expect(await CampaignModel.countDocuments({ presetKey: BIRTHDAY_T3_SMS_PRESET.presetKey })).toBe(1);
    expect(await CampaignModel.countDocuments({ presetKey: BIRTHDAY_PRESET.presetKey })).toBe(1);
  });

  it.each([
    // [local time, what exists after that day's pass]
    ['2027-02-20T10:00:00', []],
    ['2027-02-21T10:00:00', [['birthday-t7-t0', '2027:T-7', 'skipped', 'inbox']]],
    ['2027-02-24T10:00:00', [['birthday-t7-t0', '2027:T-7', 'skipped', 'inbox']]],
    ['2027-02-25T09:59:00', [['birthday-t7-t0', '2027:T-7', 'skipped', 'inbox'], ['birthday-t3-sms', '2027:T-3', 'queued', '']]],
    ['2027-02-25T10:00:00', [['birthday-t7-t0', '2027:T-7', 'skipped', 'inbox'], ['birthday-t3-sms', '2027:T-3', 'sent', 'sms']]],
    ['2027-02-28T10:00:00', [['birthday-t7-t0', '2027:T-7', 'skipped', 'inbox'], ['birthday-t3-sms', '2027:T-3', 'sent', 'sms'], ['birthday-t7-t0', '2027:T-0', 'sent', 'subscription']]],
  ])('a 29 Feb member in a common year, one accept: after the pass of %s', async (until, expected) => {
    const member = await leapDayMember(`leap-${until}`, 1);
    for (const day of ['2027-02-20T10:00:00', '2027-02-21T10:00:00', '2027-02-24T10:00:00', '2027-02-25T09:59:00', '2027-02-25T10:00:00', '2027-02-28T10:00:00']) {
      if (day > until) break;
      await dayAt(day);
    }
    expect(await deliveries()).toEqual(expected);
    if (until >= '2027-02-25T10:00:00') {
      // The SMS names the member and the days left; it never took the quota T-0 keeps.
      expect(sandbox.sms().outbox(testPhone(1)).map((message) => message.content)).toEqual(['【蛋糕日】亲爱的闰闰，还有3天就是你的生日，生日礼已放入会员中心，打开小程序即可领取。拒收请回复R']);
    }
    if (until >= '2027-02-28T10:00:00') {
      expect(await sandbox.control().outbox(member.openid)).toHaveLength(1);
      expect(await InboxMessageModel.countDocuments({ memberId: member._id })).toBe(3);
    }
  });
});
