import { consentTexts, DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import { Types } from 'mongoose';
import { ConsentModel } from '../consents/Consent.model';
import { HelpCampaignModel } from '../help/HelpCampaign.model';
import type { Member } from '../members/Member.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { ReferralModel } from '../referral/Referral.model';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { clockedPay } from '../test/clockedPay';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildCouponTemplate, buildMallItem } from '../test/mallFactories';
import { saveTestSettings } from '../test/settings';
import { createWechatClients } from '../wechat/clients';

useTestDatabase();

const shanghai = (local: string): Date => new Date(`${local}+08:00`);
const clock = { now: shanghai('2026-05-15T12:00:00') };
const config = testConfig();
const pay = clockedPay(config, () => clock.now);
let app: TestApp;
let keySeq = 0;

beforeAll(async () => {
  app = buildTestApp({ config, now: () => clock.now, wechat: { ...createWechatClients(config), pay } });
  await ensureTestCouponTemplates();
});

const rules = () => app.http.post('/api/settings.rules').send({});

describe('settings.rules (public): the 会员规则 page from the settings in force', () => {
  it('400 on unexpected input; 200 without a session with the defaults (version 0)', async () => {
    expect((await app.http.post('/api/settings.rules').send({ tier: 'gold' })).status).toBe(400);
    const shown = await rules();
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      version: 0,
      tiers: [
        { level: 'basic', name: '普卡', minSpendYuan: 0, pointsPerYuan: 1, birthdayMonthPointsPerYuan: 1, birthdayMonthMultiple: null, helpGoal: 5 },
        { level: 'gold', name: '金卡', minSpendYuan: 500, pointsPerYuan: 1.5, birthdayMonthPointsPerYuan: 1.5, birthdayMonthMultiple: null, helpGoal: 4 },
        { level: 'diamond', name: '钻石卡', minSpendYuan: 2000, pointsPerYuan: 2, birthdayMonthPointsPerYuan: 4, birthdayMonthMultiple: 2, helpGoal: 3 },
      ],
      points: { lifetimeYears: 1, expiry: '积分于获得次年12月31日24时过期' },
      birthday: { minDaysSetBeforeBenefits: 30 },
      referral: { windowDays: 30, rewardWindowDays: 30, referrerPointsPerYuan: 2, dailyRewardCap: 20 },
      messages: { weeklyCap: 2, quietHours: { start: '21:00', end: '09:00' } },
    });
    // Nothing only ops need: no adjustment limits, approval thresholds, silent-member caps or template codes.
    expect(JSON.stringify(shown.body)).not.toMatch(/pointsAdjustment|pushApproval|silent|TemplateCode|operations|marketing/);
  });

  it('follows a saved version once it is in force, not before', async () => {
    clock.now = shanghai('2026-05-15T12:00:00');
    const saved = await saveTestSettings(
      app.deps,
      { tiers: { goldFen: 80_000, diamondFen: 300_000 }, points: { earn: { gold: { pointsPerYuanPermille: 1500, birthdayMonthPointsPerYuanPermille: 3000 } } }, help: { goals: { basic: 6 } } },
      { from: shanghai('2026-05-16T00:00:00') },
    );
    expect((await rules()).body.version).toBe(0);
    clock.now = shanghai('2026-05-16T00:00:00');
    const shown = (await rules()).body;
    expect(shown.version).toBe(saved.version);
    expect(shown.effectiveFrom).toBe('2026-05-16T00:00:00+08:00');
    expect(shown.tiers[0]).toMatchObject({ helpGoal: 6 });
    expect(shown.tiers[1]).toMatchObject({ minSpendYuan: 800, birthdayMonthPointsPerYuan: 3, birthdayMonthMultiple: 2 });
    expect(shown.tiers[2]).toMatchObject({ minSpendYuan: 3000 });
  });
});

describe('help goals and the help gift come from the settings in force', () => {
  async function owner(): Promise<{ member: Member; auth: string }> {
    const member = await buildMember({ birthday: { month: 5, day: 20, year: 1990 } });
    await ConsentModel.create({ memberId: member._id, purpose: 'birthday', action: 'grant', version: consentTexts.birthday.version, at: new Date('2026-01-01T00:00:00.000Z'), ip: null });
    return { member, auth: await sessionFor(member, { now: clock.now }) };
  }

  it('help.mine shows, and help.start fixes, the settings\' goal and gift template', async () => {
    clock.now = shanghai('2026-05-16T12:00:00');
    const gift = await buildCouponTemplate({ title: '生日双人下午茶券' });
    await saveTestSettings(app.deps, { help: { goals: { basic: 2 }, giftTemplateCode: gift.code } });
    const { member, auth } = await owner();
    const mine = await app.http.post('/api/help.mine').set('Authorization', auth).send({});
    expect(mine.body).toMatchObject({ goal: 2, gift: { title: '生日双人下午茶券', templateCode: gift.code } });
    expect(mine.body.rules[0]).toContain('集满2位好友助力');

    const started = await app.http.post('/api/help.start').set('Authorization', auth).send({});
    expect(started.body.campaign).toMatchObject({ goal: 2, remaining: 2 });
    // A later change does not move a started campaign's goal.
    await saveTestSettings(app.deps, { help: { goals: { basic: 7 }, giftTemplateCode: DEFAULT_PROGRAM_SETTINGS.help.giftTemplateCode } });
    expect(await HelpCampaignModel.findOne({ memberId: member._id }).lean()).toMatchObject({ goal: 2, gift: { templateCode: gift.code } });
    expect((await app.http.post('/api/help.mine').set('Authorization', auth).send({})).body.campaign.goal).toBe(2);
  });
});

describe('referral rewards: the daily cap in force, the referrer rate of the settings the referral was bound under', () => {
  /** The invitee's own first order for ¥30, paid at the clock's instant and fulfilled (the reward is settled then). */
  async function firstOrder(invitee: Member): Promise<void> {
    const item = await buildMallItem({ pointsPrice: 0, cashFen: 3000, limitPerMember: 5 });
    const session = await sessionFor(invitee, { now: clock.now });
    const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', session).send({ itemId: item._id.toHexString(), idempotencyKey: `rules-order-${(keySeq += 1)}` });
    expect(redeemed.status).toBe(200);
    pay.pay(redeemed.body.order.orderNo);
    const confirmed = await app.http.post('/api/orders.confirmPayment').set('Authorization', session).send({ orderId: redeemed.body.order.id });
    expect(confirmed.body.order.status).toBe('fulfilled');
  }

  it('rewards at the bound version\'s rate, and no more a day than the cap in force', async () => {
    clock.now = shanghai('2026-05-20T09:00:00');
    const boundUnder = await saveTestSettings(app.deps, { referral: { referrerPointsPerYuanPermille: 1500, dailyRewardCap: 20 } });
    const referrer = await buildMember();
    const invitees = await Promise.all([buildMember(), buildMember()]);
    for (const invitee of invitees) {
      // As bindReferral writes it: bound under the settings in force then.
      await ReferralModel.create({ _id: invitee._id, referrerId: referrer._id, shareId: 'i000000000009', boundAt: clock.now, state: 'joined', orderId: null, rewardClaimedAt: null, points: 0, rewardedAt: null, pointsKey: null, welcomeIssuedAt: clock.now, nextCheckAt: null, settingsVersion: boundUnder.version });
    }
    clock.now = shanghai('2026-05-20T10:00:00');
    const inForce = await saveTestSettings(app.deps, { referral: { referrerPointsPerYuanPermille: 3000, dailyRewardCap: 1 } });

    for (const invitee of invitees) await firstOrder(invitee);
    const states = await Promise.all(invitees.map(async (invitee) => (await ReferralModel.findById(invitee._id).lean())?.state));
    expect(states.sort()).toEqual(['capped', 'rewarded']);
    // ¥30 at 1.5 points per yuan (the bound version), not 3.
    expect((await PointsAccountModel.findById(referrer._id).lean())?.balance).toBe(45);
    expect(await PointsEntryModel.findOne({ memberId: new Types.ObjectId(referrer._id), reasonCode: 'referral_reward' }).lean()).toMatchObject({ requested: 45, settingsVersion: boundUnder.version });
    expect(inForce.version).toBe(boundUnder.version + 1);
  });
});
