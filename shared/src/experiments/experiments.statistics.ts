/**
 * The statistics of experiment results: a two-proportion z-test with a confidence interval for the difference
 * (lift), and a chi-square sample-ratio-mismatch check. Pure functions of counts; no dependency.
 */

/** Φ(z): the standard normal CDF (West, "Better approximations to cumulative normal functions", 2005, after Hart's algorithm 5666; double precision). */
export function normalCdf(z: number): number {
  const x = Math.abs(z);
  if (x > 37) return z > 0 ? 1 : 0;
  const e = Math.exp((-x * x) / 2);
  let tail: number;
  if (x < 7.07106781186547) {
    const n = ((((((0.0352624965998911 * x + 0.700383064443688) * x + 6.37396220353165) * x + 33.912866078383) * x + 112.079291497871) * x + 221.213596169931) * x + 220.206867912376);
    const d = (((((((0.0883883476483184 * x + 1.75566716318264) * x + 16.064177579207) * x + 86.7807322029461) * x + 296.564248779674) * x + 637.333633378831) * x + 793.826512519948) * x + 440.413735824752);
    tail = (e * n) / d;
  } else {
    const c = x + 1 / (x + 2 / (x + 3 / (x + 4 / (x + 0.65))));
    tail = e / c / 2.506628274631;
  }
  return z > 0 ? 1 - tail : tail;
}

/** Φ⁻¹(p) for 0 < p < 1 (Acklam's rational approximation refined by one Halley step). */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be in (0, 1)');
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const error = normalCdf(x) - p;
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

export interface ConversionCounts {
  members: number;
  conversions: number;
}

export interface LiftResult {
  controlRate: number;
  treatmentRate: number;
  /** treatmentRate − controlRate. */
  difference: number;
  /** The difference's confidence interval (unpooled standard error). */
  interval: [number, number];
  /** difference / controlRate; null when the control converted nobody. */
  relativeLift: number | null;
  /** Two-sided p-value of the pooled two-proportion z-test; null when it is undefined (no data, or all or none converted). */
  pValue: number | null;
  significant: boolean;
}

/** How much a treatment (a variant, or everyone not held out) added over its control (or the holdout). */
export function conversionLift(control: ConversionCounts, treatment: ConversionCounts, confidence = 0.95): LiftResult {
  for (const group of [control, treatment]) {
    if (!(group.members > 0) || group.conversions < 0 || group.conversions > group.members) throw new RangeError('each group needs members and 0 ≤ conversions ≤ members');
  }
  const p1 = control.conversions / control.members;
  const p2 = treatment.conversions / treatment.members;
  const difference = p2 - p1;
  const z = inverseNormalCdf(1 - (1 - confidence) / 2);
  const unpooled = Math.sqrt((p1 * (1 - p1)) / control.members + (p2 * (1 - p2)) / treatment.members);
  const pooledRate = (control.conversions + treatment.conversions) / (control.members + treatment.members);
  const pooled = Math.sqrt(pooledRate * (1 - pooledRate) * (1 / control.members + 1 / treatment.members));
  const pValue = pooled > 0 ? 2 * (1 - normalCdf(Math.abs(difference) / pooled)) : null;
  return {
    controlRate: p1,
    treatmentRate: p2,
    difference,
    interval: [difference - z * unpooled, difference + z * unpooled],
    relativeLift: p1 > 0 ? difference / p1 : null,
    pValue,
    significant: pValue !== null && pValue < 1 - confidence,
  };
}

/** ln Γ(x) (Lanczos, g = 7, n = 9). */
function logGamma(x: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = g[0]!;
  for (let index = 1; index < 9; index += 1) sum += g[index]! / (shifted + index);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Q(a, x), the regularised upper incomplete gamma function (series below a + 1, continued fraction above). */
function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const prefix = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500 && Math.abs(term) > Math.abs(sum) * 1e-15; n += 1) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * prefix;
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 500; n += 1) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h * prefix;
}

/** P(χ² ≥ statistic) with `degrees` degrees of freedom. */
export function chiSquareSurvival(statistic: number, degrees: number): number {
  return upperGamma(degrees / 2, statistic / 2);
}

export interface SampleRatioCheck {
  statistic: number;
  pValue: number;
  /** The split is off: p below the threshold (0.001 by default, as experimentation platforms use, for few false alarms). */
  mismatch: boolean;
}

/** Does the observed split of members over the variants match the weights they were assigned by? */
export function sampleRatioMismatch(observed: readonly number[], weights: readonly number[], threshold = 0.001): SampleRatioCheck {
  if (observed.length !== weights.length || observed.length < 2) throw new RangeError('one observed count per weight, at least two');
  const total = observed.reduce((sum, count) => sum + count, 0);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return { statistic: 0, pValue: 1, mismatch: false };
  const statistic = observed.reduce((sum, count, index) => {
    const expected = (total * weights[index]!) / weightSum;
    return sum + (count - expected) ** 2 / expected;
  }, 0);
  const pValue = chiSquareSurvival(statistic, observed.length - 1);
  return { statistic, pValue, mismatch: pValue < threshold };
}
