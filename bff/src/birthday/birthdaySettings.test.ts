import { consentTexts, DEFAULT_BIRTHDAY_PACKAGES, type TierLevel } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import type { Member } from '../members/Member.model';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { saveTestSettings } from '../test/settings';
import { BirthdayPackageModel } from './BirthdayPackage.model';

useTestDatabase();

const shanghai = (local: string): Date => new Date(`${local}+08:00`);
const clock = { now: shanghai('2026-05-01T10:00:00') };
let app: TestApp;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  await ensureTestCouponTemplates();
  const now = new Date();
  for (const pkg of DEFAULT_BIRTHDAY_PACKAGES) {
    await BirthdayPackageModel.updateOne({ code: pkg.code }, { $setOnInsert: { ...pkg, active: true, createdAt: now, updatedAt: now } }, { upsert: true });
  }
});

const tierOf = (level: TierLevel): Member['tier'] => ({ level, since: new Date('2025-01-01T00:00:00.000Z'), reviewedAt: null });
const auth = (member: Member) => sessionFor(member, { now: clock.now });
const benefits = async (member: Member) => (await app.http.post('/api/birthday.benefits').set('Authorization', await auth(member)).send({})).body;
const claim = async (member: Member, packageCode: string) => app.http.post('/api/birthday.claim').set('Authorization', await auth(member)).send({ packageCode });

/** A member who sets their birthday (20 May) through members.setBirthday at the clock's instant. */
async function memberSettingBirthday(level: TierLevel = 'basic'): Promise<Member> {
  const member = await buildMember({ tier: tierOf(level) });
  const set = await app.http.post('/api/members.setBirthday').set('Authorization', await auth(member)).send({ month: 5, day: 20, consentVersion: consentTexts.birthday.version });
  expect(set.status).toBe(200);
  return member;
}

describe('a birthday set fewer than minDaysSetBeforeBenefits days before it (default 30)', () => {
  it('does not unlock this year\'s benefits: the list says so first, the packages open next year, a claim is refused with the date', async () => {
    clock.now = shanghai('2026-05-01T10:00:00'); // 19 days before 20 May
    const member = await memberSettingBirthday();
    clock.now = shanghai('2026-05-10T10:00:00'); // inside the birthday month, when the month coupon is open
    const shown = await benefits(member);
    expect(shown.benefitsLocked).toEqual({
      celebration: '2026-05-20',
      startsOn: '2027-05-20',
      notice: '生日设置不足30天，2026年的生日礼遇暂不可享受，将从2027年5月20日的生日起享受',
    });
    expect(shown.packages).toEqual([expect.objectContaining({ code: 'birthday-month-coupon', state: 'upcoming', celebrationYear: 2027, firstDay: '2027-05-01' })]);
    expect(shown.claimableCount).toBe(0);

    const refused = await claim(member, 'birthday-month-coupon');
    expect([refused.status, refused.body.error.code]).toEqual([409, 'BIRTHDAY_SET_TOO_RECENTLY']);
    expect(refused.body.error.message).toContain('将从2027年5月20日的生日起享受');
    expect(await CouponModel.countDocuments({ memberId: member._id, source: 'birthday' })).toBe(0);

    // Next year's birthday month: unlocked, nothing said, the claim goes through.
    clock.now = shanghai('2027-05-02T10:00:00');
    const nextYear = await benefits(member);
    expect(nextYear.benefitsLocked).toBeNull();
    expect((await claim(member, 'birthday-month-coupon')).status).toBe(200);
  });

  it('a birthday set 30 days before it unlocks this year\'s benefits', async () => {
    clock.now = shanghai('2026-04-20T23:00:00'); // 30 days before 20 May (Shanghai dates)
    const member = await memberSettingBirthday();
    clock.now = shanghai('2026-05-10T10:00:00');
    expect((await benefits(member)).benefitsLocked).toBeNull();
    expect((await claim(member, 'birthday-month-coupon')).status).toBe(200);
  });

  it('the number of days is the settings\' one', async () => {
    clock.now = shanghai('2026-04-05T10:00:00'); // 45 days before 20 May
    const early = await memberSettingBirthday();
    clock.now = shanghai('2026-05-01T10:00:00'); // 19 days before
    const late = await memberSettingBirthday();

    await saveTestSettings(app.deps, { birthday: { minDaysSetBeforeBenefits: 50 } });
    clock.now = shanghai('2026-05-10T10:00:00');
    expect((await benefits(early)).benefitsLocked).toMatchObject({ startsOn: '2027-05-20', notice: expect.stringContaining('生日设置不足50天') });
    expect((await claim(early, 'birthday-month-coupon')).body.error.code).toBe('BIRTHDAY_SET_TOO_RECENTLY');

    await saveTestSettings(app.deps, { birthday: { minDaysSetBeforeBenefits: 10 } });
    expect((await benefits(late)).benefitsLocked).toBeNull();
    expect((await claim(late, 'birthday-month-coupon')).status).toBe(200);
    expect((await claim(early, 'birthday-month-coupon')).status).toBe(200);
  });
it('a correction counts from when it was made (birthdayHistory.changedAt), not from the first setting', async () => {
    clock.now = shanghai('2026-01-05T10:00:00');
    const member = await memberSettingBirthday(); // 20 May, 135 days ahead
    clock.now = shanghai('2026-01-20T10:00:00');
    const corrected = await app.http.post('/api/members.setBirthday').set('Authorization', await auth(member)).send({ month: 3, day: 10, consentVersion: consentTexts.birthday.version });
    expect(corrected.status).toBe(200); // the one correction: 49 days before 10 March
    await saveTestSettings(app.deps, { birthday: { minDaysSetBeforeBenefits: 60 } });
    clock.now = shanghai('2026-03-05T10:00:00');
    expect((await benefits(member)).benefitsLocked).toMatchObject({ celebration: '2026-03-10', startsOn: '2027-03-10' });
    await saveTestSettings(app.deps, { birthday: { minDaysSetBeforeBenefits: 30 } });
  });
});

describe('the 生日月积分 package shows what the earn path pays (program settings), for the member\'s tier', () => {
  const pointsPackage = async (member: Member) =>
    (await benefits(member)).packages.find((pkg: { code: string }) => pkg.code === 'birthday-double-points') ?? null;

  it('钻石卡 by default: 双倍 (4 points per yuan against 2); after a saved change, what the change says', async () => {
    clock.now = shanghai('2026-05-10T10:00:00');
    const diamond = await buildMember({ tier: tierOf('diamond'), birthday: { month: 5, day: 20, year: 1990 } });
    await app.http.post('/api/consents.grant').set('Authorization', await auth(diamond)).send({ purpose: 'birthday', version: consentTexts.birthday.version });
    expect(await pointsPackage(diamond)).toMatchObject({
      title: '生日月双倍积分',
      description: '生日当月消费每1元得4积分（平时2积分），自动计入，无需领取',
      items: [{ kind: 'points_multiplier', title: '生日月双倍积分', multiplierPermille: 2000, automatic: true }],
      state: 'claimable',
      claimable: false,
    });

    await saveTestSettings(app.deps, { points: { earn: { diamond: { pointsPerYuanPermille: 2000, birthdayMonthPointsPerYuanPermille: 6000 } } } });
    expect(await pointsPackage(diamond)).toMatchObject({
      title: '生日月3倍积分',
      description: '生日当月消费每1元得6积分（平时2积分），自动计入，无需领取',
      items: [{ title: '生日月3倍积分', multiplierPermille: 3000 }],
    });
  });

  it('a tier the package is given to but whose birthday month earns no more is not promised anything', async () => {
    clock.now = shanghai('2026-05-10T10:00:00');
    await BirthdayPackageModel.updateOne({ code: 'birthday-double-points' }, { $set: { tiers: ['gold', 'diamond'] } });
    const gold = await buildMember({ tier: tierOf('gold'), birthday: { month: 5, day: 20, year: 1990 } });
    await app.http.post('/api/consents.grant').set('Authorization', await auth(gold)).send({ purpose: 'birthday', version: consentTexts.birthday.version });
    expect(await pointsPackage(gold)).toBeNull();

    await saveTestSettings(app.deps, { points: { earn: { gold: { pointsPerYuanPermille: 1500, birthdayMonthPointsPerYuanPermille: 3000 } } } });
    expect(await pointsPackage(gold)).toMatchObject({ title: '生日月双倍积分', items: [{ multiplierPermille: 2000 }] });
  });
});
