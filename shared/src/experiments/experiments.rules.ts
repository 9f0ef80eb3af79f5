/**
 * A/B assignment as GrowthBook does it: a deterministic hash of (experiment, member) places the member at a point in
 * [0, 1); the variants own consecutive ranges by weight. The same member always gets the same variant of the same
 * experiment, on any instance, with nothing stored; different experiments split members independently. The holdout
 * is drawn first from its own hash, so changing the variants' weights never moves a member in or out of it.
 */
export interface ExperimentVariant {
  key: string;
  /** Relative weight (any positive numbers; they are normalised). */
  weight: number;
}

export interface ExperimentDesign {
  key: string;
  variants: readonly ExperimentVariant[];
  /** Members held out of the experiment entirely (they get nothing), in per mille of all members. */
  holdoutPermille: number;
}

export const HOLDOUT = 'holdout';

export interface Assignment {
  /** The variant's key, or `holdout`. */
  variant: string;
  /** The member's point in [0, 1) for this experiment (for audits and debugging). */
  bucket: number;
}

/** FNV-1a, 32 bits, over the UTF-16 code units (GrowthBook's `fnv32a`). */
function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** GrowthBook's hash version 2: a point in [0, 1) with 4 decimal places, well spread for sequential ids. */
export function hashToUnit(seed: string, value: string): number {
  return (fnv32a(String(fnv32a(seed + value))) % 10_000) / 10_000;
}

export function assignVariant(design: ExperimentDesign, memberId: string): Assignment {
  if (design.variants.length === 0 || design.variants.some((variant) => !(variant.weight > 0))) throw new RangeError(`experiment ${design.key}: variants need positive weights`);
  if (hashToUnit(`holdout:${design.key}`, memberId) < design.holdoutPermille / 1000) return { variant: HOLDOUT, bucket: hashToUnit(design.key, memberId) };
  const bucket = hashToUnit(design.key, memberId);
  const total = design.variants.reduce((sum, variant) => sum + variant.weight, 0);
  let upper = 0;
  for (const variant of design.variants) {
    upper += variant.weight / total;
    if (bucket < upper) return { variant: variant.key, bucket };
  }
  // Rounding can leave the last range a hair short of 1.
  return { variant: design.variants[design.variants.length - 1]!.key, bucket };
}
