import { addDays } from '../members/birthday.rules.js';
import { businessDate, businessDayKey, startOfBusinessDay, type CalendarDate } from '../time/businessTime.js';

export const LIFECYCLE_TRIGGER_KINDS = ['welcome', 'inactive', 'pointsExpiring', 'memberDay', 'spend', 'pointsMilestone', 'tierUpgrade'] as const;
export type LifecycleTriggerKind = (typeof LIFECYCLE_TRIGGER_KINDS)[number];

/** Triggered by the event outbox (a purchase, points earned) rather than by a daily pass. */
export const EVENT_TRIGGER_KINDS = ['welcome', 'spend', 'pointsMilestone', 'tierUpgrade'] as const;

/** A missed daily pass is caught up for this many days (the occurrence key keeps it single). */
export const LIFECYCLE_CATCH_UP_DAYS = 7;

const SEND_HOUR_MS = 10 * 3_600_000;
const monthKey = (instant: Date): string => businessDayKey(instant).slice(0, 6);

/** The occurrence keys: one delivery per campaign, member and occurrence. */
export const lifecycleOccurrence = {
  /** Once per member ever. */
  welcome: (): string => 'welcome',
  /** Once per lapse: the Shanghai day of the last paid purchase the silence started from. */
  care: (days: number, lastPaidAt: Date): string => `care${days}:${businessDayKey(lastPaidAt)}`,
  /** Once per expiry date of the member's points. */
  pointsExpiry: (expiresAt: Date): string => `pointsExpiry:${businessDayKey(expiresAt)}`,
  /** Once per month. */
  memberDay: (now: Date): string => `memberDay:${monthKey(now)}`,
  /** Once per member per Shanghai month, whatever the number of qualifying purchases. */
  spend: (paidAt: Date): string => `spend:${monthKey(paidAt)}`,
  /** Once per member per milestone. */
  pointsMilestone: (points: number): string => `milestone:${points}`,
  /** Once per upgrade: the tier reached in the tier year (`period`, the day its review is due). */
  tierUpgrade: (to: string, period: string): string => `tierUpgrade:${to}:${period}`,
};

/**
 * Whether a queued care message is still owed: its occurrence names the day of the last paid purchase the silence
 * started from; a purchase since (a later last-paid day) ended that silence.
 */
export function careStillDue(occurrence: string, lastPaidAt: Date | undefined): boolean {
  return lastPaidAt === undefined || occurrence.endsWith(`:${businessDayKey(lastPaidAt)}`);
}

/**
 * The last-paid instants whose silence reaches `days` today or in the catch-up days before: [start of the day
 * `days + catch-up` days ago, start of the day `days - 1` days ago).
 */
export function lapseWindow(now: Date, days: number): { from: Date; until: Date } {
  const today = businessDate(now);
  return { from: startOfBusinessDay(addDays(today, -days - LIFECYCLE_CATCH_UP_DAYS)), until: startOfBusinessDay(addDays(today, -days + 1)) };
}

/** When the care message is due: 10:00 Shanghai on the day the silence reaches `days` (not before now). */
export function careDueAt(lastPaidAt: Date, days: number, now: Date): Date {
  const due = new Date(startOfBusinessDay(addDays(businessDate(lastPaidAt), days)).getTime() + SEND_HOUR_MS);
  return due.getTime() > now.getTime() ? due : now;
}

/** Whether today (Shanghai) is the month's member day. */
export function isMemberDay(now: Date, dayOfMonth: number): boolean {
  return businessDate(now).day === dayOfMonth;
}

/** 10:00 Shanghai today, or now when later: the member day's send time. */
export function sendTimeToday(now: Date): Date {
  const due = new Date(startOfBusinessDay(businessDate(now)).getTime() + SEND_HOUR_MS);
  return due.getTime() > now.getTime() ? due : now;
}

/** The end of today in Shanghai: a member-day coupon is valid that day only. */
export function endOfBusinessDay(now: Date): Date {
  const today: CalendarDate = businessDate(now);
  return startOfBusinessDay(addDays(today, 1));
}

/** `2027年12月31日` for the day before an instant that starts a day (points expire when the next year begins). */
export function lastValidDayText(expiresAt: Date): string {
  const last = businessDate(new Date(expiresAt.getTime() - 1));
  return `${last.year}年${last.month}月${last.day}日`;
}
