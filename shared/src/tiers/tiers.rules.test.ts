import { DEFAULT_PROGRAM_SETTINGS } from '../settings/settings.defaults.js';
import { nextAnniversary, rollingSpendWindowStart, tierAfterReview, tierAfterSpend, tierForSpend, tierProgress, tierReviewDueAt } from './tiers.rules.js';

const T = DEFAULT_PROGRAM_SETTINGS.tiers;

describe('tiers', () => {
  it.each([
    [0, 'basic'],
    [49_999, 'basic'],
    [50_000, 'gold'],
    [199_999, 'gold'],
    [200_000, 'diamond'],
  ] as const)('spend %i fen earns %s', (spend, tier) => {
    expect(tierForSpend(spend, T)).toBe(tier);
  });

  it.each([
    ['basic', 60_000, 'gold'],
    ['basic', 250_000, 'diamond'],
    ['diamond', 0, 'diamond'],
    ['gold', 10_000, 'gold'],
  ] as const)('spend upgrades at once: %s with %i → %s', (current, spend, expected) => {
    expect(tierAfterSpend(current, spend, T)).toBe(expected);
  });

  it.each([
    ['diamond', 0, 'gold'],
    ['diamond', 100_000, 'gold'],
    ['diamond', 200_000, 'diamond'],
    ['gold', 0, 'basic'],
    ['gold', 300_000, 'diamond'],
    ['basic', 0, 'basic'],
  ] as const)('anniversary review drops at most one level: %s with %i → %s', (current, spend, expected) => {
    expect(tierAfterReview(current, spend, T)).toBe(expected);
  });

  it('shows the progress to the next tier', () => {
    expect(tierProgress('basic', 12_000, T)).toEqual({ next: 'gold', nextThresholdFen: 50_000, remainingFen: 38_000 });
    expect(tierProgress('gold', 260_000, T)).toEqual({ next: 'diamond', nextThresholdFen: 200_000, remainingFen: 0 });
    expect(tierProgress('diamond', 0, T)).toEqual({ next: null, nextThresholdFen: null, remainingFen: null });
  });

  it.each([
    ['2026-05-10T12:00:00+08:00', '2025-05-10T00:00:00+08:00'],
    ['2028-02-29T08:00:00+08:00', '2027-02-28T00:00:00+08:00'],
    ['2027-01-01T00:30:00+08:00', '2026-01-01T00:00:00+08:00'],
  ])('the rolling window at %s starts %s', (now, start) => {
    expect(rollingSpendWindowStart(new Date(now))).toEqual(new Date(start));
  });

  it.each([
    ['2024-02-29T10:00:00+08:00', '2025-01-10T00:00:00+08:00', { year: 2025, month: 2, day: 28 }],
    ['2024-02-29T10:00:00+08:00', '2025-02-28T00:00:00+08:00', { year: 2026, month: 2, day: 28 }],
    ['2024-02-29T10:00:00+08:00', '2027-12-31T00:00:00+08:00', { year: 2028, month: 2, day: 29 }],
    // Joined at 00:30 on 1 January in Shanghai (still 31 December in UTC).
    ['2026-01-01T00:30:00+08:00', '2026-06-01T00:00:00+08:00', { year: 2027, month: 1, day: 1 }],
  ])('joined %s, at %s the next anniversary is %j', (joined, now, expected) => {
    expect(nextAnniversary(new Date(joined), new Date(now))).toEqual(expected);
  });

  it('a tier above basic is reviewed from 00:00 on the next anniversary; basic is never reviewed', () => {
    const joined = new Date('2024-05-10T20:00:00+08:00');
    expect(tierReviewDueAt(joined, 'gold', new Date('2025-05-09T23:59:59+08:00'))).toEqual(new Date('2025-05-10T00:00:00+08:00'));
    expect(tierReviewDueAt(joined, 'diamond', new Date('2025-05-10T00:00:00+08:00'))).toEqual(new Date('2026-05-10T00:00:00+08:00'));
    expect(tierReviewDueAt(joined, 'basic', new Date('2025-05-09T00:00:00+08:00'))).toBeNull();
  });
});
