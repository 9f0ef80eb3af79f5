import { businessInstant } from '@cakeday/shared';
import { buildCampaign, creditTestAccepts, grantMarketingConsent, useCampaignEngine } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { saveTestSettings } from '../test/settings';
import { useWechatSandbox } from '../test/wechatSandbox';
import { ConsentModel } from '../consents/Consent.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { MemberModel, type Member } from '../members/Member.model';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { CampaignModel } from './Campaign.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';

useTestDatabase();
const sandbox = useWechatSandbox();

const engine = useCampaignEngine(sandbox, {
  startsAt: '2026-11-23T10:00:00',
  clockResetsEachTest: false,
  clear: [MemberModel, CampaignModel, CampaignDeliveryModel, InboxMessageModel, SubscriptionQuotaModel, DailyCounterModel],
});
const { clock, at } = engine;

/** A member with `accepts` sends of 生日提醒 (WeChat's count and the ledger's) and of 订单状态, consenting to marketing. */
async function subscriber(name: string, accepts = 5): Promise<Member> {
  const { openid } = await sandbox.control().subscribe({ user: name }, 'birthdayReminder', 'accept', accepts);
  await sandbox.control().subscribe({ user: name }, 'orderStatus', 'accept', accepts);
  const member = await buildMember({ openid });
  await creditTestAccepts(member, 'sandbox-tmpl-birthday-reminder', accepts);
  await creditTestAccepts(member, 'sandbox-tmpl-order-status', accepts);
  await grantMarketingConsent([member]);
  return member;
}

/** What the engine does at the clock's instant: materialise, then dispatch until nothing is claimable. */
const tick = (): Promise<void> => engine.tick(20);

const outboxSize = async (member: Member): Promise<number> => (await sandbox.control().outbox(member.openid)).length;
const states = async () => (await CampaignDeliveryModel.find({}).sort({ _id: 1 }).lean()).map((delivery) => [delivery.state, delivery.skipReason]);

describe('quiet hours and caps across three overlapping campaigns', () => {
  it('at 22:00 all three wait for 09:00 (deferred, never dropped); then the daily cap lets one through and skips the others', async () => {
    const member = await subscriber('quiet');
    at('2026-11-23T22:00:00');
    for (let index = 0; index < 3; index += 1) await buildCampaign({ createdAt: clock.now });
    await tick();
    expect(await outboxSize(member)).toBe(0);
    expect(await states()).toEqual([['queued', null], ['queued', null], ['queued', null]]);
    const waiting = await CampaignDeliveryModel.find({}).lean();
    expect(waiting.every((delivery) => delivery.nextAttemptAt.getTime() === businessInstant('2026-11-24T09:00:00').getTime())).toBe(true);
    at('2026-11-24T08:59:00');
    await tick();
    expect(await outboxSize(member)).toBe(0);
    at('2026-11-24T09:00:00');
    await tick();
    expect(await outboxSize(member)).toBe(1);
    expect((await states()).sort()).toEqual([['sent', null], ['skipped', 'cap'], ['skipped', 'cap']]);
    // Nothing is lost: the skipped ones are in 消息中心 too.
    expect(await InboxMessageModel.countDocuments({ memberId: member._id })).toBe(3);
  });

  it.each([
    // daily, weekly, campaigns due Mon / Tue / Wed / next Mon → what each day's campaign ends as
    [1, 2, ['sent', 'sent', 'skipped', 'sent']],
    [1, 1, ['sent', 'skipped', 'skipped', 'sent']],
    [2, 3, ['sent', 'sent', 'sent', 'sent']],
    [0, 2, ['skipped', 'skipped', 'skipped', 'skipped']],
  ])('daily cap %i, weekly cap %i: one campaign a day over a week and a day → %j', async (daily, weekly, expected) => {
    await saveTestSettings(engine.app().deps, { marketing: { dailyCapPerMember: daily, weeklyCapPerMember: weekly } }, { from: new Date(0) });
    const member = await subscriber(`caps-${daily}-${weekly}`);
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-30'];
    for (const day of days) {
      at(`${day}T10:00:00`);
      await buildCampaign({ createdAt: clock.now, endsAt: businessInstant('2026-12-31T00:00:00') });
      await tick();
    }
    const deliveries = await CampaignDeliveryModel.find({}).sort({ createdAt: 1 }).lean();
    expect(deliveries.map((delivery) => delivery.state)).toEqual(expected);
    expect(deliveries.filter((delivery) => delivery.state === 'skipped').every((delivery) => delivery.skipReason === 'cap')).toBe(true);
    expect(await outboxSize(member)).toBe(expected.filter((state) => state === 'sent').length);
  });

  it('a transactional message (订单状态) is exempt from quiet hours and caps, not from the quota', async () => {
    await saveTestSettings(engine.app().deps, { marketing: { dailyCapPerMember: 0, weeklyCapPerMember: 0 } }, { from: new Date(0) });
    const member = await subscriber('transactional', 1);
    at('2026-11-23T23:00:00');
    const message = { template: 'orderStatus' as const, fields: { character_string1: 'CD2026112301', phrase2: '待取货', amount3: '¥88.00', time4: '2026-11-23 23:00' }, page: 'pages/birthday/index', inboxTitle: '订单可取货' };
    await buildCampaign({ createdAt: clock.now, message });
    await buildCampaign({ createdAt: clock.now, message });
    await tick();
    expect((await states()).sort()).toEqual([['sent', null], ['skipped', 'no_quota']]);
    expect(await outboxSize(member)).toBe(1);
  });

  it('withdrawing the marketing consent stops marketing sends at once', async () => {
    const member = await subscriber('withdrawn');
    await ConsentModel.create({ memberId: member._id, purpose: 'marketing_messages', action: 'withdraw', version: 'any', at: new Date(1000), ip: null });
    await buildCampaign({ createdAt: clock.now });
    await tick();
    expect(await states()).toEqual([['skipped', 'no_consent']]);
    expect(await outboxSize(member)).toBe(0);
  });
});
