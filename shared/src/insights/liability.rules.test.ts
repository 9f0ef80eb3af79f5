import { DEFAULT_PROGRAM_SETTINGS } from '../settings/settings.defaults.js';
import { liabilityRows, pointsToFen, redemptionRateOf } from './liability.rules.js';

const settings = DEFAULT_PROGRAM_SETTINGS.insights;

describe('points liability', () => {
  it('measures the redemption rate once enough points were issued, else assumes the settings’ rate', () => {
    expect(redemptionRateOf({ issued: 10_000, redeemed: 6_500 }, settings)).toEqual({ permille: 650, basis: 'measured' });
    expect(redemptionRateOf({ issued: 1_000, redeemed: 5_000 }, settings)).toEqual({ permille: 1000, basis: 'measured' });
    expect(redemptionRateOf({ issued: 49, redeemed: 49 }, settings)).toEqual({ permille: 600, basis: 'assumed' });
  });

  it('expects the rate’s share of each month’s points to be redeemed, at the cost per thousand points', () => {
    expect(pointsToFen(12_345, 1000)).toBe(12_345);
    expect(pointsToFen(3, 500)).toBe(2);
    expect(liabilityRows([{ month: '2027-12', points: 1_000 }, { month: '2026-12', points: 20_001 }], { permille: 650, basis: 'measured' }, 800)).toEqual([
      { month: '2026-12', points: 20_001, expectedRedeemedPoints: 13_001, impliedFen: 10_401 },
      { month: '2027-12', points: 1_000, expectedRedeemedPoints: 650, impliedFen: 520 },
    ]);
  });
});
