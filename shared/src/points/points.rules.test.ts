import { DEFAULT_EARN_RATES, lotExpiresAt, pointsForPayment } from './points.rules.js';

describe('pointsForPayment', () => {
  it.each([
    [9_999, 'basic', false, 99],
    [99, 'basic', false, 0],
    [10_000, 'gold', false, 150],
    [10_050, 'gold', true, 300],
    [12_345, 'diamond', true, 492],
    [-500, 'basic', false, 0],
  ] as const)('%i fen paid by a %s member (birthday month: %s) → %i points', (paidFen, tier, inBirthdayMonth, points) => {
    expect(pointsForPayment({ paidFen, tier, inBirthdayMonth, rates: DEFAULT_EARN_RATES })).toBe(points);
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
