/** All business dates (birthday months, expiry, "T-3 days") are reckoned in this zone. */
export const BUSINESS_TIMEZONE = 'Asia/Shanghai';

/** Shanghai has had no daylight-saving time since 1991, so its offset is fixed. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** The calendar date in Asia/Shanghai at the given instant. */
export function businessDate(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant at which the given Shanghai calendar date begins (00:00 Asia/Shanghai). */
export function startOfBusinessDay(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day) - SHANGHAI_OFFSET_MS);
}

/** RFC 3339 timestamp with the +08:00 offset, as WeChat Pay and our API expect. */
export function toBusinessIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** The Asia/Shanghai day as `yyyymmdd`: the key of per-day counters (daily caps start at 00:00 in Shanghai). */
export function businessDayKey(instant: Date): string {
  const { year, month, day } = businessDate(instant);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}
