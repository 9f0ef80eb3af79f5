import { thompsonChoice, type BanditArm } from '../experiments/bandit.rules.js';
import { assignVariant, hashToUnit } from '../experiments/experiments.rules.js';
import { DEFAULT_VARIANT, HOLDOUT_VARIANT } from './campaignResults.rules.js';
import { inHoldout } from './campaigns.rules.js';

/**
 * How a campaign splits its audience among its variants: `split` by fixed weights (a deterministic hash of campaign
 * and member: the same member always gets the same variant), or `bandit`, Thompson sampling over the variants'
 * conversions so far, which moves new members toward the winner as results come in. The holdout is decided first,
 * by its own hash, and never moves.
 */
export const CAMPAIGN_ALLOCATIONS = ['split', 'bandit'] as const;
export type CampaignAllocation = (typeof CAMPAIGN_ALLOCATIONS)[number];

export interface VariantDesign {
  key: string;
  weight: number;
}

export interface CampaignDesign {
  id: string;
  holdoutPermille: number;
  variants: readonly VariantDesign[];
  allocation: CampaignAllocation;
}

/** mulberry32 seeded from the member's hash: a bandit's draw for a member is the same on a repeated batch. */
export function seededRandom(seed: string): () => number {
  let state = Math.floor(hashToUnit('bandit', seed) * 4_294_967_296) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The variant a member gets: `holdout`, `main` for a campaign without variants, else by the allocation. `arms` are
 * the variants' conversions so far (the bandit's evidence; variants missing from it have none yet).
 */
export function campaignVariantFor(design: CampaignDesign, memberId: string, arms: readonly BanditArm[] = []): string {
  if (inHoldout(design.id, memberId, design.holdoutPermille)) return HOLDOUT_VARIANT;
  if (design.variants.length === 0) return DEFAULT_VARIANT;
  if (design.allocation === 'bandit' && design.variants.length > 1) {
    const evidence = design.variants.map((variant) => arms.find((arm) => arm.key === variant.key) ?? { key: variant.key, conversions: 0, misses: 0 });
    return thompsonChoice(evidence, seededRandom(`${design.id}:${memberId}`));
  }
  return assignVariant({ key: design.id, variants: design.variants, holdoutPermille: 0 }, memberId).variant;
}

/** The bandit's evidence from a campaign's results: members reached and converted per variant. */
export const banditArmsOf = (results: readonly { variant: string; reached: number; converted: number }[]): BanditArm[] =>
  results.filter((result) => result.variant !== HOLDOUT_VARIANT).map((result) => ({ key: result.variant, conversions: result.converted, misses: Math.max(0, result.reached - result.converted) }));
