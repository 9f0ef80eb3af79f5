import { consentTexts } from '@cakeday/shared';
import { Types } from 'mongoose';
import { ConsentModel } from '../consents/Consent.model';
import { CouponModel } from '../coupons/Coupon.model';
import { MemberModel, type Member } from '../members/Member.model';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { BirthdayPackageModel } from './BirthdayPackage.model';
import { DEFAULT_BIRTHDAY_PACKAGES } from '@cakeday/shared';

useTestDatabase();

const clock = { now: new Date('2026-05-20T04:00:00.000Z') }; // 12:00 on 20 May in Shanghai
const { http } = buildTestApp({ now: () => clock.now });

beforeAll(async () => {
  await ensureTestCouponTemplates();
  const now = new Date();
  for (const pkg of DEFAULT_BIRTHDAY_PACKAGES) {
    await BirthdayPackageModel.updateOne({ code: pkg.code }, { $setOnInsert: { ...pkg, active: true, createdAt: now, updatedAt: now } }, { upsert: true });
  }
});

beforeEach(() => {
  clock.now = new Date('2026-05-20T04:00:00.000Z');
});

async function celebrant(overrides: Partial<Member> = {}, consent = true): Promise<{ member: Member; auth: string }> {
  const member = await buildMember({ birthday: { month: 5, day: 20, year: 1990 }, nickname: '小麦', ...overrides });
  if (consent) {
    await ConsentModel.create({ memberId: member._id, purpose: 'birthday', action: 'grant', version: consentTexts.birthday.version, at: new Date('2026-01-01T00:00:00.000Z'), ip: null });
  }
  return { member, auth: await sessionFor(member, { now: clock.now }) };
}

const claim = (auth: string, packageCode: string) => http.post('/api/birthday.claim').set('Authorization', auth).send({ packageCode });

describe('birthday.benefits', () => {
  it('401 without a session, 400 on unexpected input', async () => {
    expect((await http.post('/api/birthday.benefits').send({})).status).toBe(401);
    const { auth } = await celebrant();
    expect((await http.post('/api/birthday.benefits').set('Authorization', auth).send({ x: 1 })).status).toBe(400);
  });

  it('200 with the tier packages, countdown and the e-card on the day', async () => {
    const { auth } = await celebrant({ tier: { level: 'diamond', since: new Date('2025-01-01'), reviewedAt: null } });
    const response = await http.post('/api/birthday.benefits').set('Authorization', auth).send({});
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      available: true,
      birthday: { month: 5, day: 20 },
      nextBirthday: '2026-05-20',
      daysUntilBirthday: 0,
      isBirthdayToday: true,
      isBirthdayMonth: true,
      tier: { level: 'diamond', name: '钻石卡' },
      claimableCount: 3,
    });
    expect(response.body.greeting.title).toBe('生日快乐！');
    expect(response.body.birthday.year).toBeUndefined();
    const codes = response.body.packages.map((pkg: { code: string; state: string }) => `${pkg.code}:${pkg.state}`);
    expect(codes).toEqual(
      expect.arrayContaining(['birthday-month-coupon:claimable', 'birthday-drink:claimable', 'birthday-cake-upgrade:claimable', 'birthday-double-points:claimable']),
    );
  });

  it('a basic member only sees the month coupon; later it shows what opens when', async () => {
    clock.now = new Date('2026-04-10T04:00:00.000Z');
    const { auth } = await celebrant();
    const response = await http.post('/api/birthday.benefits').set('Authorization', auth).send({});
    expect(response.body.packages).toHaveLength(1);
    expect(response.body.packages[0]).toMatchObject({ code: 'birthday-month-coupon', state: 'upcoming', firstDay: '2026-05-01', lastDay: '2026-05-31', opensAt: '2026-05-01T00:00:00+08:00' });
    expect(response.body.greeting).toBeNull();
  });

  it('without a birthday or with the consent withdrawn there is nothing to claim', async () => {
    const none = await celebrant({ birthday: null });
    expect((await http.post('/api/birthday.benefits').set('Authorization', none.auth).send({})).body).toMatchObject({ available: false, unavailableReason: 'no_birthday', packages: [] });
    const withdrawn = await celebrant({}, false);
    expect((await http.post('/api/birthday.benefits').set('Authorization', withdrawn.auth).send({})).body).toMatchObject({ available: false, unavailableReason: 'consent_withdrawn' });
    expect((await claim(withdrawn.auth, 'birthday-month-coupon')).status).toBe(403);
  });
});

describe('birthday.claim', () => {
  it('401, 400, 404 unknown package, 403 other tier, 409 not open, 200 then 409', async () => {
    expect((await http.post('/api/birthday.claim').send({ packageCode: 'birthday-month-coupon' })).status).toBe(401);
    const { member, auth } = await celebrant();
    expect((await claim(auth, '')).status).toBe(400);
    expect((await claim(auth, 'no-such-package')).status).toBe(404);
    expect((await claim(auth, 'birthday-double-points')).status).toBe(404);
    const otherTier = await claim(auth, 'birthday-drink');
    expect([otherTier.status, otherTier.body.error.code]).toEqual([403, 'BIRTHDAY_BENEFIT_NOT_FOR_TIER']);

    clock.now = new Date('2026-04-30T15:59:59.000Z'); // 23:59:59 on 30 April in Shanghai
    const early = await claim(await sessionFor(member, { now: clock.now }), 'birthday-month-coupon');
    expect([early.status, early.body.error.code]).toEqual([409, 'BIRTHDAY_BENEFIT_NOT_OPEN']);

    clock.now = new Date('2026-04-30T16:00:00.000Z'); // midnight, 1 May in Shanghai
    const first = await claim(await sessionFor(member, { now: clock.now }), 'birthday-month-coupon');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ packageCode: 'birthday-month-coupon', celebrationYear: 2026, coupons: [{ templateCode: 'birthday-10-off' }] });
    expect(first.body.benefits.packages[0].state).toBe('claimed');
    const again = await claim(await sessionFor(member, { now: clock.now }), 'birthday-month-coupon');
    expect([again.status, again.body.error.code]).toEqual([409, 'BIRTHDAY_BENEFIT_ALREADY_CLAIMED']);
    const stored = await MemberModel.findById(member._id).lean();
    expect(stored?.birthdayHistory.lastBenefitClaimedAt?.toISOString()).toBe('2026-04-30T16:00:00.000Z');
  });

  it('100 concurrent claims issue one coupon', async () => {
    const { member, auth } = await celebrant();
    const responses = await Promise.all(Array.from({ length: 100 }, () => claim(auth, 'birthday-month-coupon')));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    expect(await CouponModel.countDocuments({ memberId: member._id, source: 'birthday' })).toBe(1);
  });

  it('the leap-day member claims on 28 February of a common year, once per birthday year', async () => {
    clock.now = new Date('2027-02-27T16:00:00.000Z'); // 00:00 on 28 Feb 2027 in Shanghai
    const { member, auth } = await celebrant({ birthday: { month: 2, day: 29, year: 2000 }, tier: { level: 'diamond', since: new Date('2025-01-01'), reviewedAt: null } });
    const upgrade = await claim(auth, 'birthday-cake-upgrade');
    expect(upgrade.status).toBe(200);
    expect(upgrade.body.celebrationYear).toBe(2027);
    clock.now = new Date('2028-02-28T16:00:00.000Z'); // 29 Feb 2028: a new birthday year
    const nextYear = await claim(await sessionFor(member, { now: clock.now }), 'birthday-cake-upgrade');
    expect(nextYear.status).toBe(200);
    expect(nextYear.body.celebrationYear).toBe(2028);
    expect(await CouponModel.countDocuments({ memberId: new Types.ObjectId(member._id), templateCode: 'cake-size-upgrade' })).toBe(2);
  });
});

describe('benefits named for the birthday month (Asia/Shanghai)', () => {
  const gold = { tier: { level: 'gold' as const, since: new Date('2025-01-01'), reviewedAt: null } };
  const validUntilOf = async (couponId: string): Promise<string | undefined> => (await CouponModel.findById(couponId).lean())?.validUntil.toISOString();

  it('the 10%-off coupon is valid until the month ends, not 30 days after the claim, and then no longer usable', async () => {
    clock.now = new Date('2026-05-20T04:00:00.000Z'); // 20 May: 30 days later would be 19 June
    const { member, auth } = await celebrant();
    const claimed = await claim(auth, 'birthday-month-coupon');
    expect(claimed.status).toBe(200);
    const couponId: string = claimed.body.coupons[0].couponId;
    expect(await validUntilOf(couponId)).toBe('2026-05-31T16:00:00.000Z'); // 00:00 on 1 June in Shanghai

    const listed = async (): Promise<string[]> => {
      const response = await http.post('/api/coupons.list').set('Authorization', await sessionFor(member, { now: clock.now })).send({ status: 'available' });
      return response.body.items.map((coupon: { id: string }) => coupon.id);
    };
    clock.now = new Date('2026-05-31T15:59:59.000Z'); // 23:59:59 on 31 May
    expect(await listed()).toEqual([couponId]);
    clock.now = new Date('2026-05-31T16:00:00.000Z'); // 1 June
    expect(await listed()).toEqual([]);
  });

  it('the drink of a 2 March birthday cannot be claimed in February; claimed on 1 March it is valid until 1 April', async () => {
    const { member, auth } = await celebrant({ ...gold, birthday: { month: 3, day: 2, year: 1990 } });
    clock.now = new Date('2026-02-28T08:00:00.000Z'); // 28 Feb, 16:00: three days before 2 March, but February
    const early = await claim(await sessionFor(member, { now: clock.now }), 'birthday-drink');
    expect([early.status, early.body.error.code]).toEqual([409, 'BIRTHDAY_BENEFIT_NOT_OPEN']);
    const card = await http.post('/api/birthday.benefits').set('Authorization', auth).send({});
    expect(card.body.packages.find((pkg: { code: string }) => pkg.code === 'birthday-drink')).toMatchObject({ firstDay: '2026-03-01', lastDay: '2026-03-08' });

    clock.now = new Date('2026-02-28T16:00:00.000Z'); // 00:00 on 1 March
    const claimed = await claim(await sessionFor(member, { now: clock.now }), 'birthday-drink');
    expect(claimed.status).toBe(200);
    expect(await validUntilOf(claimed.body.coupons[0].couponId)).toBe('2026-03-31T16:00:00.000Z');
  });

  it('the drink of a 30 April birthday closes on 30 April and its coupon ends with April', async () => {
    const { member } = await celebrant({ ...gold, birthday: { month: 4, day: 30, year: 1990 } });
    clock.now = new Date('2026-04-30T15:00:00.000Z'); // 23:00 on 30 April
    const claimed = await claim(await sessionFor(member, { now: clock.now }), 'birthday-drink');
    expect(claimed.status).toBe(200);
    expect(claimed.body.benefits.packages.find((pkg: { code: string }) => pkg.code === 'birthday-drink')).toMatchObject({ lastDay: '2026-04-30' });
    expect(await validUntilOf(claimed.body.coupons[0].couponId)).toBe('2026-04-30T16:00:00.000Z');

    const other = await celebrant({ ...gold, birthday: { month: 4, day: 30, year: 1991 } });
    clock.now = new Date('2026-04-30T16:00:00.000Z'); // 1 May: the old window ran until 6 May
    const late = await claim(await sessionFor(other.member, { now: clock.now }), 'birthday-drink');
    expect([late.status, late.body.error.code]).toEqual([409, 'BIRTHDAY_BENEFIT_NOT_OPEN']);
  });

  it('the leap-day member’s month coupon in a common year ends with February', async () => {
    clock.now = new Date('2027-02-27T16:00:00.000Z'); // 00:00 on 28 Feb 2027
    const { auth } = await celebrant({ birthday: { month: 2, day: 29, year: 2000 } });
    const claimed = await claim(auth, 'birthday-month-coupon');
    expect(claimed.status).toBe(200);
    expect(await validUntilOf(claimed.body.coupons[0].couponId)).toBe('2027-02-28T16:00:00.000Z');
  });

  it('a benefit not named for the month keeps the template validity (the cake upgrade, 30 days)', async () => {
    const { auth } = await celebrant({ tier: { level: 'diamond', since: new Date('2025-01-01'), reviewedAt: null } });
    const claimed = await claim(auth, 'birthday-cake-upgrade');
    expect(await validUntilOf(claimed.body.coupons[0].couponId)).toBe('2026-06-19T16:00:00.000Z');
  });
});
