import type { RfmCutPoints, SegmentSettings } from '../settings/settings.defaults.js';
import { businessDate, startOfBusinessDay, type CalendarDate } from '../time/businessTime.js';

/** A member's lifecycle stage, from the days since they joined and since their last activity. */
export const LIFECYCLE_STAGES = ['new', 'active', 'silent', 'at_risk', 'lost'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const lifecycleStageNames: Record<LifecycleStage, string> = {
  new: '新会员',
  active: '活跃',
  silent: '沉睡',
  at_risk: '濒临流失',
  lost: '已流失',
};

/** What the segment rules read about a member (the analytics consumer keeps it per member). */
export interface MemberActivity {
  joinedAt: Date;
  /** The member's last own action (a purchase, a claim, a page view…); null when none was recorded. */
  lastActiveAt: Date | null;
  /** Paid purchases not refunded (orders and till purchases), any order. */
  purchases: readonly { at: Date; fen: number }[];
}

export interface LifecycleThresholds extends Readonly<SegmentSettings['lifecycle']> {
  /** marketing.silentAfterDays: one definition of silent for messages and segments. */
  silentAfterDays: number;
}

export interface RfmScores {
  /** Days since the last paid purchase (Asia/Shanghai calendar days); null when never. */
  recencyDays: number | null;
  /** Paid purchases within the window. */
  frequency: number;
  monetaryFen: number;
  /** 1–5 by the cut points; 0 when there is nothing to score (no purchase ever, none in the window). */
  r: number;
  f: number;
  m: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: CalendarDate): number => Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;

/** Whole Asia/Shanghai calendar days from `from` to `to` (23:59 to 00:01 the next day is one day). */
export function businessDaysBetween(from: Date, to: Date): number {
  return dayNumber(businessDate(to)) - dayNumber(businessDate(from));
}

/** 00:00 Asia/Shanghai, `days` calendar days after the day of `instant`. */
function businessDayAfter(instant: Date, days: number): Date {
  // Shanghai keeps one offset all year, so a calendar day is always 24 hours.
  return new Date(startOfBusinessDay(businessDate(instant)).getTime() + days * DAY_MS);
}

const latest = (dates: readonly (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((best, date) => (date && (!best || date > best) ? date : best), null);

/** The member's last sign of life: their last action or purchase, or joining. */
export function lastActivityOf(activity: MemberActivity): Date {
  return latest([activity.joinedAt, activity.lastActiveAt, ...activity.purchases.map((purchase) => purchase.at)]) ?? activity.joinedAt;
}

/**
 * new: joined fewer than `newForDays` days ago; then by the days since the last activity: active below
 * `silentAfterDays`, silent below `atRiskAfterDays`, at risk below `lostAfterDays`, lost from there.
 */
export function lifecycleStage(activity: MemberActivity, now: Date, thresholds: LifecycleThresholds): LifecycleStage {
  if (businessDaysBetween(activity.joinedAt, now) < thresholds.newForDays) return 'new';
  const idle = businessDaysBetween(lastActivityOf(activity), now);
  if (idle < thresholds.silentAfterDays) return 'active';
  if (idle < thresholds.atRiskAfterDays) return 'silent';
  if (idle < thresholds.lostAfterDays) return 'at_risk';
  return 'lost';
}

const scoreAtLeast = (value: number, cuts: RfmCutPoints): number =>
  value >= cuts.score5 ? 5 : value >= cuts.score4 ? 4 : value >= cuts.score3 ? 3 : value >= cuts.score2 ? 2 : 1;
const scoreAtMost = (value: number, cuts: RfmCutPoints): number =>
  value <= cuts.score5 ? 5 : value <= cuts.score4 ? 4 : value <= cuts.score3 ? 3 : value <= cuts.score2 ? 2 : 1;

/** Purchases on one of the last `windowDays` calendar days (today included). */
function purchasesInWindow(activity: MemberActivity, now: Date, windowDays: number): MemberActivity['purchases'] {
  return activity.purchases.filter((purchase) => purchase.at <= now && businessDaysBetween(purchase.at, now) < windowDays);
}

/** RFM by the documented cut points (settings `segments.rfm`). */
export function rfmScores(activity: MemberActivity, now: Date, rfm: SegmentSettings['rfm']): RfmScores {
  const last = latest(activity.purchases.filter((purchase) => purchase.at <= now).map((purchase) => purchase.at));
  const recencyDays = last ? businessDaysBetween(last, now) : null;
  const inWindow = purchasesInWindow(activity, now, rfm.windowDays);
  const frequency = inWindow.length;
  const monetaryFen = inWindow.reduce((sum, purchase) => sum + purchase.fen, 0);
  return {
    recencyDays,
    frequency,
    monetaryFen,
    r: recencyDays === null ? 0 : scoreAtMost(recencyDays, rfm.recencyDays),
    f: frequency === 0 ? 0 : scoreAtLeast(frequency, rfm.frequency),
    m: monetaryFen <= 0 ? 0 : scoreAtLeast(monetaryFen, rfm.monetaryFen),
  };
}

/**
 * The next instant at which the member's stage or scores change by time alone (a threshold crossed, a purchase
 * leaving the window): the segment job looks at a member again then, or as soon as new activity arrives.
 */
export function nextSegmentChangeAt(activity: MemberActivity, now: Date, settings: { lifecycle: LifecycleThresholds; rfm: SegmentSettings['rfm'] }): Date | null {
  const { lifecycle, rfm } = settings;
  const lastActivity = lastActivityOf(activity);
  const lastPurchase = latest(activity.purchases.map((purchase) => purchase.at));
  const candidates: Date[] = [
    businessDayAfter(activity.joinedAt, lifecycle.newForDays),
    ...[lifecycle.silentAfterDays, lifecycle.atRiskAfterDays, lifecycle.lostAfterDays].map((days) => businessDayAfter(lastActivity, days)),
    ...(lastPurchase ? Object.values(rfm.recencyDays).map((days) => businessDayAfter(lastPurchase, days + 1)) : []),
    ...activity.purchases.map((purchase) => businessDayAfter(purchase.at, rfm.windowDays)),
  ];
  return candidates.filter((instant) => instant > now).reduce<Date | null>((first, instant) => (!first || instant < first ? instant : first), null);
}
