import { DEFAULT_PROGRAM_SETTINGS } from '../settings/settings.defaults.js';
import { birthdayMonthBoostPermille, birthdayMonthPointsTitle, formatPointsPerYuan, lotExpiresAt, pointsForPayment } from './points.rules.js';

const earn = DEFAULT_PROGRAM_SETTINGS.points.earn;

describe('pointsForPayment', () => {
  it.each([
    [9_999, 'basic', false, 99],
    [99, 'basic', false, 0],
    [10_000, 'gold', false, 150],
    // Without a birthday-month rate of its own, 金卡 earns its usual rate in the birthday month too.
    [10_050, 'gold', true, 150],
    [12_345, 'diamond', false, 246],
    // 钻石卡's birthday-month rate is absolute (4 per yuan), not its usual rate times another multiplier.
    [12_345, 'diamond', true, 492],
    [-500, 'basic', false, 0],
  ] as const)('%i fen paid by a %s member (birthday month: %s) → %i points', (paidFen, tier, inBirthdayMonth, points) => {
    expect(pointsForPayment({ paidFen, inBirthdayMonth, rate: earn[tier] })).toBe(points);
  });

  it('reads the rate it is given, in thousandths', () => {
    expect(pointsForPayment({ paidFen: 10_000, inBirthdayMonth: false, rate: { pointsPerYuanPermille: 1250, birthdayMonthPointsPerYuanPermille: 0 } })).toBe(125);
    expect(pointsForPayment({ paidFen: 10_000, inBirthdayMonth: true, rate: { pointsPerYuanPermille: 1250, birthdayMonthPointsPerYuanPermille: 0 } })).toBe(0);
  });
});

describe('the birthday-month points benefit in words', () => {
  it.each([
    [{ pointsPerYuanPermille: 2000, birthdayMonthPointsPerYuanPermille: 4000 }, 2000, '生日月双倍积分'],
    [{ pointsPerYuanPermille: 2000, birthdayMonthPointsPerYuanPermille: 6000 }, 3000, '生日月3倍积分'],
    [{ pointsPerYuanPermille: 1000, birthdayMonthPointsPerYuanPermille: 1500 }, 1500, '生日月1.5倍积分'],
    [{ pointsPerYuanPermille: 1500, birthdayMonthPointsPerYuanPermille: 1500 }, null, null],
    [{ pointsPerYuanPermille: 1500, birthdayMonthPointsPerYuanPermille: 1000 }, null, null],
    [{ pointsPerYuanPermille: 0, birthdayMonthPointsPerYuanPermille: 1000 }, null, '生日月每元1积分'],
  ])('%j → ×%s, %s', (rate, boost, title) => {
    expect(birthdayMonthBoostPermille(rate)).toBe(boost);
    expect(birthdayMonthPointsTitle(rate)).toBe(title);
  });

  it('formats rates without trailing zeros', () => {
    expect([formatPointsPerYuan(1000), formatPointsPerYuan(1500), formatPointsPerYuan(1250), formatPointsPerYuan(0)]).toEqual(['1', '1.5', '1.25', '0']);
  });
});

describe('lotExpiresAt', () => {
  it.each([
    ['2026-01-01T00:00:00+08:00', 1, '2028-01-01T00:00:00+08:00'],
    ['2026-12-31T23:59:59+08:00', 1, '2028-01-01T00:00:00+08:00'],
    // 16:00 UTC on 31 Dec 2026 is already 2027 in Shanghai.
    ['2026-12-31T16:00:00Z', 1, '2029-01-01T00:00:00+08:00'],
    ['2028-02-29T12:00:00+08:00', 0, '2029-01-01T00:00:00+08:00'],
  ])('earned %s with lifetime %i expires %s', (earnedAt, years, expected) => {
    expect(lotExpiresAt(new Date(earnedAt), years)).toEqual(new Date(expected));
  });
});
