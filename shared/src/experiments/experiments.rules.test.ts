import { assignVariant, hashToUnit, HOLDOUT, type ExperimentDesign } from './experiments.rules.js';
import { sampleRatioMismatch } from './experiments.statistics.js';

const design: ExperimentDesign = {
  key: 'birthday-message-2026',
  variants: [
    { key: 'control', weight: 1 },
    { key: 'warm', weight: 1 },
  ],
  holdoutPermille: 100,
};
/** 24-hex member ids in creation order, as MongoDB makes them: the hardest case for a weak hash. */
const memberIds = Array.from({ length: 20_000 }, (_, n) => `65f0${(0x1000000 + n).toString(16).padStart(20, '0')}`);

describe('A/B assignment', () => {
  it('hashes as GrowthBook does (version 2 of its hash)', () => {
    // Buckets from GrowthBook's SDK test cases (packages/sdk-js/test/cases.json, hashVersion 2: seed, then value).
    expect(hashToUnit('holdout', '1')).toBe(0.8043);
    expect(hashToUnit('experiment', '1')).toBe(0.4413);
    expect(hashToUnit('feature', '123')).toBe(0.5231);
  });

  it('gives a member the same variant every time (sticky without storage)', () => {
    for (const id of memberIds.slice(0, 200)) expect(assignVariant(design, id)).toEqual(assignVariant({ ...design, variants: [...design.variants] }, id));
  });

  it('splits sequential ids by the weights, with the holdout share, and passes its own sample-ratio check', () => {
    const counts = new Map<string, number>();
    for (const id of memberIds) {
      const { variant } = assignVariant(design, id);
      counts.set(variant, (counts.get(variant) ?? 0) + 1);
    }
    const holdout = counts.get(HOLDOUT) ?? 0;
    expect(Math.abs(holdout / memberIds.length - 0.1)).toBeLessThan(0.01);
    const observed = [counts.get('control') ?? 0, counts.get('warm') ?? 0];
    expect(sampleRatioMismatch(observed, [1, 1]).mismatch).toBe(false);
  });

  it('keeps the holdout when the variants’ weights change, and splits other experiments independently', () => {
    const reweighted: ExperimentDesign = { ...design, variants: [{ key: 'control', weight: 1 }, { key: 'warm', weight: 3 }] };
    const held = memberIds.filter((id) => assignVariant(design, id).variant === HOLDOUT);
    expect(held.every((id) => assignVariant(reweighted, id).variant === HOLDOUT)).toBe(true);
    expect(memberIds.filter((id) => assignVariant(reweighted, id).variant === HOLDOUT)).toHaveLength(held.length);

    const other: ExperimentDesign = { ...design, key: 'birthday-coupon-2026' };
    const both = memberIds.filter((id) => assignVariant(design, id).variant === 'warm' && assignVariant(other, id).variant === 'warm').length;
    const warm = memberIds.filter((id) => assignVariant(design, id).variant === 'warm').length;
    // Independent splits: about half of one experiment's warm group is warm in the other (out of the 90% not held out).
    expect(Math.abs(both / warm - 0.45)).toBeLessThan(0.03);
  });

  it('refuses a design without positive weights', () => {
    expect(() => assignVariant({ ...design, variants: [] }, 'm')).toThrow(RangeError);
    expect(() => assignVariant({ ...design, variants: [{ key: 'a', weight: 0 }] }, 'm')).toThrow(RangeError);
  });
});
