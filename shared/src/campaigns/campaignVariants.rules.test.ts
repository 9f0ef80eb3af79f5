import { conversionLift, sampleRatioMismatch } from '../experiments/experiments.statistics.js';
import { banditArmsOf, campaignVariantFor, seededRandom, type CampaignDesign } from './campaignVariants.rules.js';

/** 24-hex member ids in creation order, as MongoDB makes them. */
const memberIds = Array.from({ length: 12_000 }, (_, n) => `65f0${(0x1000000 + n).toString(16).padStart(20, '0')}`);
const design: CampaignDesign = { id: '6760aa000000000000000001', holdoutPermille: 100, variants: [{ key: 'plain', weight: 1 }, { key: 'warm', weight: 1 }], allocation: 'split' };

function countBy(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

describe('campaign variants', () => {
  it('splits by weight behind a 10% holdout, the same member always the same way, and passes the sample-ratio check', () => {
    const counts = countBy(memberIds.map((id) => campaignVariantFor(design, id)));
    expect(Math.abs((counts.holdout ?? 0) / memberIds.length - 0.1)).toBeLessThan(0.01);
    expect(sampleRatioMismatch([counts.plain ?? 0, counts.warm ?? 0], [1, 1]).mismatch).toBe(false);
    expect(memberIds.slice(0, 100).map((id) => campaignVariantFor(design, id))).toEqual(memberIds.slice(0, 100).map((id) => campaignVariantFor({ ...design }, id)));
    const weighted = countBy(memberIds.map((id) => campaignVariantFor({ ...design, variants: [{ key: 'plain', weight: 1 }, { key: 'warm', weight: 3 }] }, id)));
    expect(Math.abs((weighted.warm ?? 0) / ((weighted.plain ?? 0) + (weighted.warm ?? 0)) - 0.75)).toBeLessThan(0.02);
  });

  it('without variants everyone not held out gets the campaign’s message', () => {
    expect(new Set(memberIds.slice(0, 500).map((id) => campaignVariantFor({ ...design, variants: [] }, id)))).toEqual(new Set(['main', 'holdout']));
  });

  it('on simulated data with a known winner (5% vs 12%), the two-proportion test finds it and the split shows no mismatch', () => {
    const random = seededRandom('simulation-1');
    const truth: Record<string, number> = { plain: 0.05, warm: 0.12 };
    const groups: Record<string, { members: number; conversions: number }> = { plain: { members: 0, conversions: 0 }, warm: { members: 0, conversions: 0 } };
    for (const id of memberIds) {
      const variant = campaignVariantFor(design, id);
      const group = groups[variant];
      if (!group) continue;
      group.members += 1;
      if (random() < (truth[variant] ?? 0)) group.conversions += 1;
    }
    const lift = conversionLift(groups.plain!, groups.warm!);
    expect(lift.significant).toBe(true);
    expect(lift.interval[0]).toBeLessThan(0.07);
    expect(lift.interval[1]).toBeGreaterThan(0.07);
    expect(sampleRatioMismatch([groups.plain!.members, groups.warm!.members], [1, 1]).mismatch).toBe(false);
  });

  it('the bandit moves new members toward the winner as results come in (true rates 4%, 8%, 16%), and converts more than the split', () => {
    const truth: Record<string, number> = { a: 0.04, b: 0.08, c: 0.16 };
    const bandit: CampaignDesign = { id: '6760aa000000000000000002', holdoutPermille: 0, variants: Object.keys(truth).map((key) => ({ key, weight: 1 })), allocation: 'bandit' };
    const outcome = seededRandom('simulation-2');
    const results = Object.keys(truth).map((variant) => ({ variant, reached: 0, converted: 0 }));
    const lastDay: Record<string, number> = {};
    let conversions = 0;
    // 20 daily passes of 300 members each; each pass sees the results of the passes before it.
    for (let day = 0; day < 20; day += 1) {
      const arms = banditArmsOf(results);
      for (const id of memberIds.slice(day * 300, (day + 1) * 300)) {
        const variant = campaignVariantFor(bandit, id, arms);
        const result = results.find((candidate) => candidate.variant === variant)!;
        result.reached += 1;
        if (outcome() < (truth[variant] ?? 0)) {
          result.converted += 1;
          conversions += 1;
        }
        if (day === 19) lastDay[variant] = (lastDay[variant] ?? 0) + 1;
      }
    }
    expect((lastDay.c ?? 0) / 300).toBeGreaterThan(0.8);
    // An even split converts about 9.3% of 6,000 (560); the bandit comes close to the best variant's 16%.
    expect(conversions).toBeGreaterThan(750);
  });

  it('the bandit’s draw for a member is the same on a repeated batch with the same evidence', () => {
    const bandit: CampaignDesign = { ...design, holdoutPermille: 0, allocation: 'bandit' };
    const arms = [{ key: 'plain', conversions: 10, misses: 90 }, { key: 'warm', conversions: 12, misses: 88 }];
    expect(memberIds.slice(0, 50).map((id) => campaignVariantFor(bandit, id, arms))).toEqual(memberIds.slice(0, 50).map((id) => campaignVariantFor(bandit, id, arms)));
  });
});
