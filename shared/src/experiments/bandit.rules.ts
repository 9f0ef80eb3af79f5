/**
 * Thompson sampling over campaign variants: each variant's conversion rate is a Beta(1 + conversions, 1 + misses)
 * belief; a send goes to the variant whose sampled rate is highest, so traffic moves toward the winner as results
 * come in while a loser still gets a little. The random source is injected (tests and replays use a seeded one).
 */
export interface BanditArm {
  key: string;
  conversions: number;
  /** Members sent this variant who did not convert. */
  misses: number;
}

export type RandomSource = () => number;

/** A standard normal draw (Box–Muller). */
function normal(random: RandomSource): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A Gamma(shape, 1) draw (Marsaglia–Tsang; shape < 1 boosted by U^(1/shape)). */
function gamma(shape: number, random: RandomSource): number {
  if (shape < 1) return gamma(shape + 1, random) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(alpha, beta) draw. */
export function betaSample(alpha: number, beta: number, random: RandomSource): number {
  const x = gamma(alpha, random);
  return x / (x + gamma(beta, random));
}

/** The variant for the next send: the one whose sampled conversion rate is highest. */
export function thompsonChoice(arms: readonly BanditArm[], random: RandomSource): string {
  if (arms.length === 0) throw new RangeError('a bandit needs at least one arm');
  let best = arms[0]!;
  let bestDraw = -1;
  for (const arm of arms) {
    const draw = betaSample(1 + arm.conversions, 1 + arm.misses, random);
    if (draw > bestDraw) {
      best = arm;
      bestDraw = draw;
    }
  }
  return best.key;
}

/**
 * The share of the next sends each variant would get (per mille, summing to 1000 up to rounding), estimated from
 * `draws` choices: what the console shows as the bandit's current split.
 */
export function thompsonShares(arms: readonly BanditArm[], random: RandomSource, draws = 10_000): Record<string, number> {
  const wins = new Map(arms.map((arm) => [arm.key, 0]));
  for (let draw = 0; draw < draws; draw += 1) {
    const key = thompsonChoice(arms, random);
    wins.set(key, (wins.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...wins].map(([key, count]) => [key, Math.round((count * 1000) / draws)]));
}
