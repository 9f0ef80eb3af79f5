import { addDays, celebrationDate, daysBetween, isBirthdayMonth, type Birthday } from '../members/birthday.rules.js';
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

/**
 * Anti-abuse (the settings' `birthday.minDaysSetBeforeBenefits`): a birthday set or corrected fewer than `minDays`
 * days before a celebration does not unlock that celebration's benefits (the packages and the birthday-month earn
 * rate); they start with the next celebration. A birthday whose set date is unknown (stored before it was kept)
 * unlocks every celebration.
 */
export interface BirthdayUnlockRule {
  /** When the birthday was last set or corrected (Member.birthdayHistory); null when unknown. */
  birthdaySetAt: Date | null;
  minDays: number;
}

export function celebrationUnlocked(celebration: CalendarDate, rule: BirthdayUnlockRule): boolean {
  if (!rule.birthdaySetAt) return true;
  return daysBetween(businessDate(rule.birthdaySetAt), celebration) >= rule.minDays;
}

/** The first celebration, from the one in `fromYear` on, whose benefits the birthday unlocks. */
export function firstUnlockedCelebration(birthday: Birthday, rule: BirthdayUnlockRule, fromYear: number): CalendarDate {
  // minDays is at most a year, so at most two years are skipped; the bound only guards against bad input.
  for (let year = fromYear; year < fromYear + 5; year += 1) {
    const celebration = celebrationDate(birthday, year);
    if (celebrationUnlocked(celebration, rule)) return celebration;
  }
  return celebrationDate(birthday, fromYear + 5);
}

/**
 * Like selectBenefitWindow, but a window whose celebration the birthday does not unlock gives way to the window of
 * the first celebration it does (upcoming); `locked` names the celebration that was passed over.
 */
export function selectUnlockedBenefitWindow(
  rule: BenefitWindowRule,
  birthday: Birthday,
  now: Date,
  unlock: BirthdayUnlockRule,
): { state: BenefitWindowState; window: BenefitWindow; locked: CalendarDate | null } {
  const selected = selectBenefitWindow(rule, birthday, now);
  if (celebrationUnlocked(selected.window.celebration, unlock)) return { ...selected, locked: null };
  const first = firstUnlockedCelebration(birthday, unlock, selected.window.celebrationYear + 1);
  return { state: 'upcoming', window: benefitWindowFor(rule, birthday, first.year), locked: selected.window.celebration };
}

/** Whether a payment at `paidAt` earns the birthday-month rate: in the birthday month of a celebration the birthday unlocks. */
export function earnsBirthdayMonthRate(birthday: Birthday, paidAt: Date, unlock: BirthdayUnlockRule): boolean {
  if (!isBirthdayMonth(birthday, paidAt)) return false;
  return celebrationUnlocked(celebrationDate(birthday, businessDate(paidAt).year), unlock);
}

/** What the member is told when a celebration's benefits are locked: why, and from which birthday they start. */
export function birthdayBenefitsLockedText(locked: CalendarDate, start: CalendarDate, minDays: number): string {
  return `生日设置不足${minDays}天，${locked.year}年的生日礼遇暂不可享受，将从${start.year}年${start.month}月${start.day}日的生日起享受`;
}
