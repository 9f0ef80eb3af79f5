import { businessDate, startOfBusinessDay, type CalendarDate } from '../time/businessTime.js';

export interface Birthday {
  month: number; // 1-12
  day: number; // 1-31
  year?: number | null;
}

/** One correction is allowed within this many days of first setting the birthday (the settings' default). */
export const BIRTHDAY_CORRECTION_WINDOW_DAYS = 30;
/** No correction in the days just before the next birthday (nor to a birthday that close). */
export const BIRTHDAY_BLACKOUT_DAYS = 30;

/** The settings' `birthday` correction knobs (ProgramSettings['birthday']). */
export interface BirthdayCorrectionRules {
  correctionWindowDays: number;
  maxCorrections: number;
  correctionBlackoutDays: number;
}

export const DEFAULT_BIRTHDAY_CORRECTION_RULES: BirthdayCorrectionRules = {
  correctionWindowDays: BIRTHDAY_CORRECTION_WINDOW_DAYS,
  maxCorrections: 1,
  correctionBlackoutDays: BIRTHDAY_BLACKOUT_DAYS,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real date: 29 February only without a year or in a leap year. */
export function isValidBirthday(birthday: Birthday): boolean {
  const { month, day, year } = birthday;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  return day <= daysInMonth(month, year ?? 2000);
}

/** When the birthday is celebrated in a given year: 29 February moves to 28 February in common years. */
export function celebrationDate(birthday: Birthday, year: number): CalendarDate {
  if (birthday.month === 2 && birthday.day === 29 && !isLeapYear(year)) return { year, month: 2, day: 28 };
  return { year, month: birthday.month, day: birthday.day };
}

function dayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The next celebration on or after today (Asia/Shanghai). */
export function nextCelebration(birthday: Birthday, now: Date): CalendarDate {
  const today = businessDate(now);
  const thisYear = celebrationDate(birthday, today.year);
  return daysBetween(today, thisYear) >= 0 ? thisYear : celebrationDate(birthday, today.year + 1);
}

export function daysUntilBirthday(birthday: Birthday, now: Date): number {
  return daysBetween(businessDate(now), nextCelebration(birthday, now));
}

/** Birthday benefits run for the whole celebration month (Asia/Shanghai). */
export function isBirthdayMonth(birthday: Birthday, now: Date): boolean {
  const today = businessDate(now);
  return celebrationDate(birthday, today.year).month === today.month;
}

/** The birthday year runs from one celebration to the next; it is named by the year it starts in. */
export function birthdayYear(birthday: Birthday, now: Date): number {
  const today = businessDate(now);
  return daysBetween(celebrationDate(birthday, today.year), today) >= 0 ? today.year : today.year - 1;
}

export function birthdayYearStart(birthday: Birthday, now: Date): Date {
  return startOfBusinessDay(celebrationDate(birthday, birthdayYear(birthday, now)));
}

/** What is known about the member's birthday history (the birthday itself may have been withdrawn). */
export interface BirthdayHistory {
  current: Birthday | null;
  firstSetAt: Date | null;
  corrections: number;
  lastBenefitClaimedAt: Date | null;
}

/** The instant the correction window closes: the end of the window's last day (the 30th by default) after first setting. */
export function correctableUntil(firstSetAt: Date, rules: BirthdayCorrectionRules = DEFAULT_BIRTHDAY_CORRECTION_RULES): Date {
  return startOfBusinessDay(addDays(businessDate(firstSetAt), rules.correctionWindowDays + 1));
}

function correctionsUsedUp(history: BirthdayHistory, now: Date, rules: BirthdayCorrectionRules): boolean {
  if (!history.firstSetAt) return false;
  return history.corrections >= rules.maxCorrections || now.getTime() >= correctableUntil(history.firstSetAt, rules).getTime();
}

export type BirthdayChangeRefusal = 'LOCKED' | 'TOO_CLOSE_TO_BIRTHDAY' | 'BENEFIT_CLAIMED';
export type BirthdayChangeDecision =
  | { allowed: true; kind: 'first' | 'correction' | 'unchanged' }
  | { allowed: false; reason: BirthdayChangeRefusal };

function sameBirthday(a: Birthday, b: Birthday): boolean {
  return a.month === b.month && a.day === b.day && (a.year ?? null) === (b.year ?? null);
}

function benefitClaimedThisBirthdayYear(history: BirthdayHistory, now: Date): boolean {
  const claimedAt = history.lastBenefitClaimedAt;
  if (!claimedAt) return false;
  // Without a stored birthday (consent withdrawn) a claim within the last year still counts.
  const yearStart = history.current ? birthdayYearStart(history.current, now) : new Date(now.getTime() - 365 * DAY_MS);
  return claimedAt.getTime() >= yearStart.getTime();
}

/**
 * Anti-abuse (the settings' `birthday` section; by default): the birthday is set once; one correction within 30
 * days of first setting it, but never in the 30 days before the stored or the new birthday, and never after a
 * benefit was claimed in this birthday year. Re-setting after a withdrawal counts as a correction.
 */
export function decideBirthdayChange(
  history: BirthdayHistory,
  next: Birthday,
  now: Date,
  rules: BirthdayCorrectionRules = DEFAULT_BIRTHDAY_CORRECTION_RULES,
): BirthdayChangeDecision {
  if (!history.firstSetAt) return { allowed: true, kind: 'first' };
  if (history.current && sameBirthday(history.current, next)) return { allowed: true, kind: 'unchanged' };
  if (correctionsUsedUp(history, now, rules)) return { allowed: false, reason: 'LOCKED' };
  if (benefitClaimedThisBirthdayYear(history, now)) return { allowed: false, reason: 'BENEFIT_CLAIMED' };
  const close = (birthday: Birthday): boolean => daysUntilBirthday(birthday, now) <= rules.correctionBlackoutDays;
  if ((history.current && close(history.current)) || close(next)) return { allowed: false, reason: 'TOO_CLOSE_TO_BIRTHDAY' };
  return { allowed: true, kind: 'correction' };
}

export type BirthdayLockState = 'open' | 'correctable' | 'locked';

export interface BirthdayLock {
  state: BirthdayLockState;
  correctableUntil: Date | null;
  /** Corrections still allowed (0 while open: the first setting is not a correction, nor when locked). */
  correctionsLeft: number;
}

/** What the profile page shows: can the member still set or correct the birthday, how often, and until when. */
export function birthdayLock(history: BirthdayHistory, now: Date, rules: BirthdayCorrectionRules = DEFAULT_BIRTHDAY_CORRECTION_RULES): BirthdayLock {
  if (!history.firstSetAt) return { state: 'open', correctableUntil: null, correctionsLeft: 0 };
  if (correctionsUsedUp(history, now, rules)) return { state: 'locked', correctableUntil: null, correctionsLeft: 0 };
  return { state: 'correctable', correctableUntil: correctableUntil(history.firstSetAt, rules), correctionsLeft: rules.maxCorrections - history.corrections };
}
