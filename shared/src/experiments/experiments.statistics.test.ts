import { chiSquareSurvival, conversionLift, inverseNormalCdf, normalCdf, sampleRatioMismatch } from './experiments.statistics.js';

/** A seeded generator (mulberry32): simulated data that is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('the normal distribution', () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-1.644853626951472, 0.05],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
  ])('Φ(%d) = %d', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 12);
  });

  it.each([0.975, 0.95, 0.5, 0.01, 1e-6])('Φ⁻¹ inverts Φ at %d', (p) => {
    expect(normalCdf(inverseNormalCdf(p))).toBeCloseTo(p, 12);
  });
  it('Φ⁻¹(0.975) is the familiar 1.96', () => {
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 9);
  });
});

describe('lift with a confidence interval (two-proportion z-test)', () => {
  it('matches the textbook answer for 200/1000 against 250/1000', () => {
    const lift = conversionLift({ members: 1000, conversions: 200 }, { members: 1000, conversions: 250 });
    expect(lift.difference).toBeCloseTo(0.05, 12);
    expect(lift.relativeLift).toBeCloseTo(0.25, 12);
    // Pooled z = 0.05 / sqrt(0.225 × 0.775 × 2/1000) = 2.6774; two-sided p = 0.00742.
    expect(lift.pValue).toBeCloseTo(0.00742, 4);
    // Unpooled SE = sqrt(0.2×0.8/1000 + 0.25×0.75/1000) = 0.018641; 0.05 ± 1.96 × SE.
    expect(lift.interval[0]).toBeCloseTo(0.013464, 5);
    expect(lift.interval[1]).toBeCloseTo(0.086536, 5);
    expect(lift.significant).toBe(true);
  });

  it('finds no effect where there is none, and says when it cannot tell', () => {
    const same = conversionLift({ members: 500, conversions: 50 }, { members: 500, conversions: 50 });
    expect(same).toMatchObject({ difference: 0, pValue: 1, significant: false });
    expect(conversionLift({ members: 10, conversions: 0 }, { members: 10, conversions: 0 })).toMatchObject({ pValue: null, relativeLift: null, significant: false });
    expect(() => conversionLift({ members: 0, conversions: 0 }, { members: 10, conversions: 1 })).toThrow(RangeError);
  });

  it('on simulated campaigns with a known true lift of 2 points, the 95% interval covers it about 95% of the time', () => {
    const random = seeded(17);
    const trials = 400;
    let covered = 0;
    let detected = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      const control = { members: 4000, conversions: 0 };
      const treatment = { members: 4000, conversions: 0 };
      for (let n = 0; n < 4000; n += 1) {
        if (random() < 0.1) control.conversions += 1;
        if (random() < 0.12) treatment.conversions += 1;
      }
      const lift = conversionLift(control, treatment);
      if (lift.interval[0] <= 0.02 && 0.02 <= lift.interval[1]) covered += 1;
      if (lift.significant) detected += 1;
    }
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.03);
    // Power for 10% → 12% with 4000 a side is about 0.81.
    expect(Math.abs(detected / trials - 0.81)).toBeLessThan(0.06);
  });
});

describe('sample-ratio mismatch', () => {
  it.each([
    [3.841458820694124, 1, 0.05],
    [6.634896601021214, 1, 0.01],
    [5.991464547107979, 2, 0.05],
    [0, 3, 1],
  ])('P(χ² ≥ %d; %i df) = %d', (statistic, degrees, p) => {
    expect(chiSquareSurvival(statistic, degrees)).toBeCloseTo(p, 9);
  });

  it('warns when a 50/50 split comes out 5000 / 5400, not when it comes out 5000 / 5100', () => {
    // χ² = 2 × 200² / 5200 = 15.38, p = 0.0000877; χ² = 2 × 50² / 5050 = 0.990, p = 0.32.
    const off = sampleRatioMismatch([5000, 5400], [1, 1]);
    expect(off.statistic).toBeCloseTo(15.3846, 3);
    expect(off.pValue).toBeCloseTo(0.0000877, 6);
    expect(off.mismatch).toBe(true);
    expect(sampleRatioMismatch([5000, 5100], [1, 1])).toMatchObject({ mismatch: false });
    // Weighted 1:3 and on target.
    expect(sampleRatioMismatch([2500, 7500], [1, 3])).toEqual({ statistic: 0, pValue: 1, mismatch: false });
  });
});
