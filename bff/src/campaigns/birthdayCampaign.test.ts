import { creditTestAccepts, grantMarketingConsent, useCampaignEngine } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { MemberModel, type Member } from '../members/Member.model';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { CampaignModel } from './Campaign.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { BIRTHDAY_PRESET, ensureCampaignPresets } from './campaignPresets';

useTestDatabase();
const sandbox = useWechatSandbox();

const engine = useCampaignEngine(sandbox, {
  startsAt: '2027-02-01T10:00:00',
  clear: [MemberModel, CampaignModel, CampaignDeliveryModel, InboxMessageModel, SubscriptionQuotaModel, DailyCounterModel],
});
const { clock } = engine;
beforeEach(async () => {
  const [preset] = await ensureCampaignPresets(clock.now);
  // Ops reviewed, approved and started it.
  await CampaignModel.updateOne({ _id: preset?._id }, { $set: { state: 'running' } });
});

async function leapDayMember(name: string, accepts: number): Promise<Member> {
  const { openid } = await sandbox.control().subscribe({ user: name }, 'birthdayReminder', 'accept', accepts);
  const member = await buildMember({ openid, nickname: '闰闰', birthday: { month: 2, day: 29, year: 2000 } });
  await creditTestAccepts(member, 'sandbox-tmpl-birthday-reminder', accepts);
  await grantMarketingConsent([member]);
  return member;
}

async function dayAt(local: string): Promise<void> {
  engine.at(local);
  await engine.tick();
}

const deliveries = async () => (await CampaignDeliveryModel.find({}).sort({ occurrence: -1 }).lean()).map((delivery) => [delivery.occurrence, delivery.state, delivery.skipReason]);

describe('the birthday preset: T-7 and T-0', () => {
  it('is there once however often it is ensured', async () => {
    await ensureCampaignPresets(clock.now);
    expect(await CampaignModel.countDocuments({ presetKey: BIRTHDAY_PRESET.presetKey })).toBe(1);
  });

  it('a 29 Feb member in a common year: T-7 on 21 Feb, T-0 on 28 Feb; two accepts → two messages, each once', async () => {
    const member = await leapDayMember('leap-two', 2);
    await dayAt('2027-02-20T10:00:00');
    expect(await deliveries()).toEqual([]);
    await dayAt('2027-02-21T10:00:00');
    await dayAt('2027-02-22T10:00:00');
    expect(await deliveries()).toEqual([['2027:T-7', 'sent', null]]);
    await dayAt('2027-02-28T10:00:00');
    await dayAt('2027-03-01T10:00:00');
    expect(await deliveries()).toEqual([['2027:T-7', 'sent', null], ['2027:T-0', 'sent', null]]);
    const outbox = await sandbox.control().outbox(member.openid);
    expect(outbox.map((message) => message.data)).toEqual([
      { thing1: '你的生日礼已准备好', date2: '2027年2月28日', thing3: '还有7天，记得来领取哦' },
      { thing1: '你的生日礼已准备好', date2: '2027年2月28日', thing3: '还有0天，记得来领取哦' },
    ]);
    expect(outbox.every((message) => /^pages\/birthday\/index\?delivery=[0-9a-f]{24}$/.test(message.page ?? ''))).toBe(true);
    expect(await InboxMessageModel.countDocuments({ memberId: member._id })).toBe(2);
  });

  it('one accept: T-0 keeps it; T-7 goes to 消息中心 only', async () => {
    const member = await leapDayMember('leap-one', 1);
    await dayAt('2027-02-21T10:00:00');
    await dayAt('2027-02-28T10:00:00');
    expect(await deliveries()).toEqual([['2027:T-7', 'skipped', 'quota_reserved'], ['2027:T-0', 'sent', null]]);
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(1);
    expect((await InboxMessageModel.find({ memberId: member._id }).lean()).map((message) => message.title)).toEqual(['生日礼提醒', '生日礼提醒']);
  });

  it('a pass missed on T-7 is caught up the next days (never with T-0): started on 27 Feb, T-7 then, T-0 on the day', async () => {
    const member = await leapDayMember('leap-late', 2);
    await dayAt('2027-02-27T10:00:00');
    await dayAt('2027-02-28T10:00:00');
    expect(await deliveries()).toEqual([['2027:T-7', 'sent', null], ['2027:T-0', 'sent', null]]);
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(2);
  });
});
