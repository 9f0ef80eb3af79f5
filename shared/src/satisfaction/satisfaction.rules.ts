/**
 * Satisfaction as the plans measure it: NPS from "how likely are you to recommend us" (0–10) and CSAT from the 1–5
 * stars a member gives an order or a write-off. Pure counts in, figures out; the survey itself is not built yet.
 */
export type NpsClass = 'promoter' | 'passive' | 'detractor';

/** 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsClassOf(score: number): NpsClass {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`an NPS answer is a whole number from 0 to 10, not ${score}`);
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export interface NpsResult {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, −100 to 100, to one decimal; null without responses. */
  nps: number | null;
}

export function netPromoterScore(scores: readonly number[]): NpsResult {
  const counts = { promoter: 0, passive: 0, detractor: 0 };
  for (const score of scores) counts[npsClassOf(score)] += 1;
  const responses = scores.length;
  return {
    responses,
    promoters: counts.promoter,
    passives: counts.passive,
    detractors: counts.detractor,
    nps: responses === 0 ? null : Math.round(((counts.promoter - counts.detractor) * 1000) / responses) / 10,
  };
}

export interface CsatResult {
  responses: number;
  /** Mean stars to two decimals; null without responses. */
  averageStars: number | null;
  /** Share of 4- and 5-star answers in per mille; null without responses. */
  satisfiedPermille: number | null;
}

export function customerSatisfaction(stars: readonly number[]): CsatResult {
  if (stars.some((star) => !Number.isInteger(star) || star < 1 || star > 5)) throw new RangeError('stars are whole numbers from 1 to 5');
  if (stars.length === 0) return { responses: 0, averageStars: null, satisfiedPermille: null };
  const total = stars.reduce((sum, star) => sum + star, 0);
  return {
    responses: stars.length,
    averageStars: Math.round((total * 100) / stars.length) / 100,
    satisfiedPermille: Math.floor((stars.filter((star) => star >= 4).length * 1000) / stars.length),
  };
}
