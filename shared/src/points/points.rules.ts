import { businessDate, startOfBusinessDay } from '../time/businessTime.js';
import type { TierLevel } from '../tiers/tiers.rules.js';

/** Multipliers in thousandths, so that earning stays in integer arithmetic (1500 = ×1.5). */
export interface EarnRates {
  tierMultiplierPermille: Record<TierLevel, number>;
  birthdayMonthMultiplierPermille: number;
}

export const DEFAULT_EARN_RATES: EarnRates = {
  tierMultiplierPermille: { basic: 1000, gold: 1500, diamond: 2000 },
  birthdayMonthMultiplierPermille: 2000,
};

/** 1 point per whole yuan paid, times the tier multiplier and, in the birthday month, the birthday multiplier. */
export function pointsForPayment(input: {
  paidFen: number;
  tier: TierLevel;
  inBirthdayMonth: boolean;
  rates: EarnRates;
}): number {
  const wholeYuan = Math.floor(Math.max(0, input.paidFen) / 100);
  const tierPermille = input.rates.tierMultiplierPermille[input.tier];
  const birthdayPermille = input.inBirthdayMonth ? input.rates.birthdayMonthMultiplierPermille : 1000;
  return Math.floor((wholeYuan * tierPermille * birthdayPermille) / 1_000_000);
}

/**
 * Points earned at `earnedAt` expire at the end of the calendar year `lifetimeYears` after it (Asia/Shanghai):
 * with the default 1, points earned any day of 2026 expire when 2028 begins, i.e. at the end of 2027.
 */
export function lotExpiresAt(earnedAt: Date, lifetimeYears: number): Date {
  const earnedYear = businessDate(earnedAt).year;
  return startOfBusinessDay({ year: earnedYear + lifetimeYears + 1, month: 1, day: 1 });
}

export const EXPIRING_SOON_DAYS = 30;

export function expiringSoonCutoff(now: Date): Date {
  return new Date(now.getTime() + EXPIRING_SOON_DAYS * 24 * 60 * 60 * 1000);
}

/** Reason codes the BFF itself writes; earning sources (mall, referrals) bring their own code and text. */
export const pointsReasons = {
  expired: '积分过期',
  reversed: '积分冲正',
} as const;
