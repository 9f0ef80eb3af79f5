import { analyticsDay } from '@cakeday/shared';

const DAY_MS = 86_400_000;

export interface DayRange {
  from: string;
  to: string;
}

/** The last `days` business days (Asia/Shanghai) up to and including today. */
export function lastBusinessDays(days: number, now: Date = new Date()): DayRange {
  return { from: analyticsDay(new Date(now.getTime() - (days - 1) * DAY_MS)), to: analyticsDay(now) };
}

/** `2026-06-01` → `6/1`, for chart axes. */
export const shortDay = (day: string): string => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

/** Per mille → `33.3%`; null (nobody at the step before) → `—`. */
export const percentOf = (permille: number | null): string => (permille === null ? '—' : `${(permille / 10).toFixed(1)}%`);
