import { addDays, celebrationDate, daysBetween, type Birthday } from '../members/birthday.rules.js';
import { businessDate, startOfBusinessDay, type CalendarDate } from '../time/businessTime.js';

/** When a benefit package opens: on the 1st of the birthday month, N days before the birthday, or on the day. */
export const BENEFIT_OPENINGS = ['birthday_month', 'days_before', 'on_day'] as const;
export type BenefitOpening = (typeof BENEFIT_OPENINGS)[number];

export interface BenefitWindowRule {
  opens: BenefitOpening;
  /** Only for `days_before`. */
  daysBefore: number;
  /** Days the package stays claimable from its opening; null = until the end of the birthday month. */
  claimDays: number | null;
  /**
   * A benefit named for the birthday month (生日月…): claimable and usable only inside that month, so its window
   * is clamped to the month and its coupons expire when the month ends. Always so for `birthday_month` openings.
   */
  withinBirthdayMonth: boolean;
}

export interface BenefitWindow {
  /** The year of the celebration this window belongs to: part of the exactly-once claim key. */
  celebrationYear: number;
  celebration: CalendarDate;
  firstDay: CalendarDate;
  lastDay: CalendarDate;
  /** 00:00 Asia/Shanghai on firstDay. */
  opensAt: Date;
  /** 00:00 Asia/Shanghai the day after lastDay (exclusive). */
  closesAt: Date;
}

export type BenefitWindowState = 'open' | 'upcoming';

function firstDayOf(rule: BenefitWindowRule, celebration: CalendarDate): CalendarDate {
  if (rule.opens === 'birthday_month') return { year: celebration.year, month: celebration.month, day: 1 };
  if (rule.opens === 'days_before') return addDays(celebration, -Math.max(0, rule.daysBefore));
  return celebration;
}

function firstOfNextMonth(date: CalendarDate): CalendarDate {
  return { year: date.month === 12 ? date.year + 1 : date.year, month: (date.month % 12) + 1, day: 1 };
}

function endOfMonth(date: CalendarDate): CalendarDate {
  return addDays(firstOfNextMonth(date), -1);
}

export function isBoundToBirthdayMonth(rule: BenefitWindowRule): boolean {
  return rule.opens === 'birthday_month' || rule.withinBirthdayMonth === true;
}

const later = (a: CalendarDate, b: CalendarDate): CalendarDate => (daysBetween(a, b) > 0 ? b : a);
const earlier = (a: CalendarDate, b: CalendarDate): CalendarDate => (daysBetween(a, b) < 0 ? b : a);

export function benefitWindowFor(rule: BenefitWindowRule, birthday: Birthday, celebrationYear: number): BenefitWindow {
  const celebration = celebrationDate(birthday, celebrationYear);
  let firstDay = firstDayOf(rule, celebration);
  let lastDay = rule.claimDays === null ? endOfMonth(celebration) : addDays(firstDay, Math.max(1, rule.claimDays) - 1);
  if (isBoundToBirthdayMonth(rule)) {
    // The celebration day lies in the month and in the window, so the clamped window is never empty.
    firstDay = later(firstDay, { year: celebration.year, month: celebration.month, day: 1 });
    lastDay = earlier(lastDay, endOfMonth(celebration));
  }
  return {
    celebrationYear,
    celebration,
    firstDay,
    lastDay,
    opensAt: startOfBusinessDay(firstDay),
    closesAt: startOfBusinessDay(addDays(lastDay, 1)),
  };
}

/**
 * When coupons issued for a benefit stop being valid: for a benefit named for the birthday month, 00:00
 * Asia/Shanghai on the 1st of the next month (never later than the coupon template allows); otherwise null
 * (the template's own validity applies).
 */
export function benefitCouponsValidUntil(rule: BenefitWindowRule, window: BenefitWindow): Date | null {
  return isBoundToBirthdayMonth(rule) ? startOfBusinessDay(firstOfNextMonth(window.celebration)) : null;
}

/**
 * The window that is open today (Asia/Shanghai), else the next one to open. Windows of last year's and next
 * year's celebration are considered too: a window opening 7 days before a 3 January birthday opens in December.
 */
export function selectBenefitWindow(
  rule: BenefitWindowRule,
  birthday: Birthday,
  now: Date,
): { state: BenefitWindowState; window: BenefitWindow } {
  const today = businessDate(now);
  const candidates = [today.year - 1, today.year, today.year + 1, today.year + 2].map((year) => benefitWindowFor(rule, birthday, year));
  const open = candidates.find((window) => daysBetween(window.firstDay, today) >= 0 && daysBetween(today, window.lastDay) >= 0);
  if (open) return { state: 'open', window: open };
  const upcoming = candidates.find((window) => daysBetween(today, window.firstDay) > 0);
  // Four consecutive years always contain a future window.
  return { state: 'upcoming', window: upcoming ?? candidates[candidates.length - 1]! };
}

/** The Chinese sentence the card shows for when a package can be claimed. */
export function describeBenefitWindow(rule: BenefitWindowRule): string {
  const opens =
    rule.opens === 'birthday_month' ? '生日当月1日起' : rule.opens === 'days_before' ? `生日前${rule.daysBefore}天起` : '生日当天起';
  const lasts = rule.claimDays === null ? '可领取至生日当月月底' : `${rule.claimDays}天内可领取`;
  const monthOnly = rule.opens !== 'birthday_month' && isBoundToBirthdayMonth(rule) ? '（限生日当月）' : '';
  return `${opens}${lasts}${monthOnly}`;
}

/** A greeting e-card is shown on the celebration day itself (29 Feb birthdays: 28 Feb in common years). */
export function isCelebrationDay(birthday: Birthday, now: Date): boolean {
  const today = businessDate(now);
  return daysBetween(today, celebrationDate(birthday, today.year)) === 0;
}

/** Formatting dates belongs to business time; re-exported here for the rules and tests that import it from here. */
export { formatCalendarDate } from '../time/businessTime.js';
