import { businessDate, startOfBusinessDay } from '../time/businessTime.js';
import type { EarnRate } from '../settings/settings.defaults.js';

/**
 * Points for a cash payment: whole yuan paid times the tier's rate from the program settings, in thousandths (1500 =
 * 1.5 points per yuan). In the member's birthday month the tier's birthday-month rate applies instead: an absolute
 * rate, never multiplied with the usual one.
 */
export function pointsForPayment(input: { paidFen: number; inBirthdayMonth: boolean; rate: EarnRate }): number {
  const wholeYuan = Math.floor(Math.max(0, input.paidFen) / 100);
  const permille = input.inBirthdayMonth ? input.rate.birthdayMonthPointsPerYuanPermille : input.rate.pointsPerYuanPermille;
  return Math.floor((wholeYuan * permille) / 1000);
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

/** A rate in thousandths as members read it: 1500 → "1.5". */
export function formatPointsPerYuan(permille: number): string {
  return String(Number((permille / 1000).toFixed(3)));
}

/**
 * How many times its usual rate a tier earns in the birthday month, in thousandths (2000 = ×2): what the birthday
 * package's points item shows, derived from the same settings the earn path reads. Null when the birthday month earns
 * no more than usual, or when the usual rate is 0 (no multiple to speak of).
 */
export function birthdayMonthBoostPermille(rate: EarnRate): number | null {
  if (rate.pointsPerYuanPermille <= 0 || rate.birthdayMonthPointsPerYuanPermille <= rate.pointsPerYuanPermille) return null;
  return Math.round((rate.birthdayMonthPointsPerYuanPermille * 1000) / rate.pointsPerYuanPermille);
}

/** The birthday-month points benefit in words: 生日月双倍积分, 生日月1.5倍积分; null when the tier has none. */
export function birthdayMonthPointsTitle(rate: EarnRate): string | null {
  const boost = birthdayMonthBoostPermille(rate);
  if (boost !== null) return `生日月${boost === 2000 ? '双' : formatPointsPerYuan(boost)}倍积分`;
  if (rate.birthdayMonthPointsPerYuanPermille > rate.pointsPerYuanPermille) {
    return `生日月每元${formatPointsPerYuan(rate.birthdayMonthPointsPerYuanPermille)}积分`;
  }
  return null;
}

/** What the birthday-month benefit means in money terms, as the package card describes it. */
export function birthdayMonthPointsDescription(rate: EarnRate): string {
  return `生日当月消费每1元得${formatPointsPerYuan(rate.birthdayMonthPointsPerYuanPermille)}积分（平时${formatPointsPerYuan(rate.pointsPerYuanPermille)}积分），自动计入，无需领取`;
}
