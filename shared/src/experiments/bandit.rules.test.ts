import { betaSample, thompsonChoice, thompsonShares, type BanditArm } from './bandit.rules.js';

/** mulberry32: the same simulated campaign on every run. */
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

describe('Thompson sampling', () => {
  it('draws from the Beta distribution it names (mean a/(a+b), variance ab/((a+b)²(a+b+1)))', () => {
    const random = seeded(1);
    const draws = Array.from({ length: 40_000 }, () => betaSample(3, 7, random));
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / draws.length;
    expect(mean).toBeCloseTo(0.3, 2);
    expect(variance).toBeCloseTo((3 * 7) / (10 * 10 * 11), 3);
    expect(draws.every((x) => x > 0 && x < 1)).toBe(true);
  });

  it('splits evenly while it knows nothing, and sends almost everything to a clear winner', () => {
    const none = thompsonShares([{ key: 'a', conversions: 0, misses: 0 }, { key: 'b', conversions: 0, misses: 0 }], seeded(2));
    expect(Math.abs((none.a ?? 0) - 500)).toBeLessThan(25);
    const clear = thompsonShares([{ key: 'a', conversions: 100, misses: 900 }, { key: 'b', conversions: 150, misses: 850 }], seeded(3));
    // P(rate_b > rate_a) ≈ Φ(0.05 / 0.0168) ≈ 0.9985.
    expect(clear.b).toBeGreaterThanOrEqual(995);
  });

  it('on a simulated campaign (true rates 5%, 10%, 15%) moves traffic to the best variant and converts more than an even split', () => {
    const random = seeded(4);
    const truth: Record<string, number> = { a: 0.05, b: 0.1, c: 0.15 };
    const arms: BanditArm[] = Object.keys(truth).map((key) => ({ key, conversions: 0, misses: 0 }));
    let conversions = 0;
    const sends = 6000;
    for (let send = 0; send < sends; send += 1) {
      const chosen = thompsonChoice(arms, random);
      const arm = arms.find((candidate) => candidate.key === chosen)!;
      if (random() < truth[arm.key]!) {
        arm.conversions += 1;
        conversions += 1;
      } else {
        arm.misses += 1;
      }
    }
    const sent = (key: string) => arms.find((arm) => arm.key === key)!;
    const share = (key: string) => (sent(key).conversions + sent(key).misses) / sends;
    expect(share('c')).toBeGreaterThan(0.8);
    expect(share('a')).toBeLessThan(0.05);
    // An even split converts 10% on average: 600 of 6000; the bandit gets close to the best variant's 900.
    expect(conversions).toBeGreaterThan(800);
  });

  it('refuses a bandit without arms', () => {
    expect(() => thompsonChoice([], seeded(5))).toThrow(RangeError);
  });
});
