import { businessDate, startOfBusinessDay, type CalendarDate } from '../time/businessTime.js';

export const TIER_LEVELS = ['basic', 'gold', 'diamond'] as const;
export type TierLevel = (typeof TIER_LEVELS)[number];

export const tierNames: Record<TierLevel, string> = { basic: '普卡', gold: '金卡', diamond: '钻石卡' };

/** What reaching a tier adds (the birthday packages of the tier, birthday.defaults.ts), short enough for a thing field. */
export const tierUpgradeBenefits: Record<TierLevel, string> = { basic: '生日月9折券', gold: '生日月免费饮品一杯', diamond: '生日蛋糕升级与生日月双倍积分' };

/** Rolling 12-month paid spend (fen) from which each tier starts; basic starts at 0. The program settings hold them. */
export interface TierThresholds {
  goldFen: number;
  diamondFen: number;
}

function rank(level: TierLevel): number {
  return TIER_LEVELS.indexOf(level);
}

function thresholdOf(level: TierLevel, thresholds: TierThresholds): number {
  if (level === 'diamond') return thresholds.diamondFen;
  if (level === 'gold') return thresholds.goldFen;
  return 0;
}

/** The tier a rolling spend earns on its own. */
export function tierForSpend(spendFen: number, thresholds: TierThresholds): TierLevel {
  if (spendFen >= thresholds.diamondFen) return 'diamond';
  if (spendFen >= thresholds.goldFen) return 'gold';
  return 'basic';
}

/** Upgrades happen at once when spend crosses a threshold; spend never lowers a tier between reviews. */
export function tierAfterSpend(current: TierLevel, spendFen: number, thresholds: TierThresholds): TierLevel {
  const earned = tierForSpend(spendFen, thresholds);
  return rank(earned) > rank(current) ? earned : current;
}

/** On the membership anniversary a tier whose spend fell short drops by at most one level. */
export function tierAfterReview(current: TierLevel, spendFen: number, thresholds: TierThresholds): TierLevel {
  const earned = tierForSpend(spendFen, thresholds);
  if (rank(earned) >= rank(current)) return earned;
  return TIER_LEVELS[rank(current) - 1] ?? 'basic';
}

export interface TierProgress {
  next: TierLevel | null;
  nextThresholdFen: number | null;
  remainingFen: number | null;
}

export function tierProgress(current: TierLevel, spendFen: number, thresholds: TierThresholds): TierProgress {
  const next = TIER_LEVELS[rank(current) + 1];
  if (!next) return { next: null, nextThresholdFen: null, remainingFen: null };
  const nextThresholdFen = thresholdOf(next, thresholds);
  return { next, nextThresholdFen, remainingFen: Math.max(0, nextThresholdFen - spendFen) };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The same month and day in another year; 29 February falls on 28 February in common years. */
export function sameDayInYear(date: CalendarDate, year: number): CalendarDate {
  if (date.month === 2 && date.day === 29 && !isLeap(year)) return { year, month: 2, day: 28 };
  return { year, month: date.month, day: date.day };
}

/** Spend counts from 00:00 Asia/Shanghai on today's date one year ago (the rolling 12 months). */
export function rollingSpendWindowStart(now: Date): Date {
  const today = businessDate(now);
  return startOfBusinessDay(sameDayInYear(today, today.year - 1));
}

/** The first membership anniversary strictly after today (Asia/Shanghai). */
export function nextAnniversary(memberSince: Date, now: Date): CalendarDate {
  const joined = businessDate(memberSince);
  const today = businessDate(now);
  const thisYear = sameDayInYear(joined, today.year);
  const passed = startOfBusinessDay(thisYear).getTime() <= startOfBusinessDay(today).getTime();
  return passed ? sameDayInYear(joined, today.year + 1) : thisYear;
}

/**
 * When the member's tier is next reviewed: 00:00 (Asia/Shanghai) on the next membership anniversary, the day the
 * rolling window has moved a year on; null for the basic tier, which a review can never lower.
 */
export function tierReviewDueAt(memberSince: Date, level: TierLevel, now: Date): Date | null {
  return level === 'basic' ? null : startOfBusinessDay(nextAnniversary(memberSince, now));
}
