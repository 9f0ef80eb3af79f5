/** All business dates (birthday months, expiry, "T-3 days") are reckoned in this zone. */
export const BUSINESS_TIMEZONE = 'Asia/Shanghai';

/** Shanghai has had no daylight-saving time since 1991, so its offset is fixed. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
/** The same offset as RFC 3339 writes it. */
const SHANGHAI_OFFSET_TEXT = '+08:00';

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export interface TimeOfDay {
  hour: number; // 0-23
  minute: number;
  second: number;
}

const shanghaiWallClock = (instant: Date): Date => new Date(instant.getTime() + SHANGHAI_OFFSET_MS);

/** The calendar date in Asia/Shanghai at the given instant. */
export function businessDate(instant: Date): CalendarDate {
  const shifted = shanghaiWallClock(instant);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The wall-clock time in Asia/Shanghai at the given instant. */
export function businessTimeOfDay(instant: Date): TimeOfDay {
  const shifted = shanghaiWallClock(instant);
  return { hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds() };
}

/** The instant at which the given Shanghai calendar date begins (00:00 Asia/Shanghai). */
export function startOfBusinessDay(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day) - SHANGHAI_OFFSET_MS);
}

/** The instant of a wall-clock time in Asia/Shanghai written `2026-05-10T12:30:00` (a date alone is its 00:00). */
export function businessInstant(local: string): Date {
  const instant = new Date(`${/^\d{4}-\d{2}-\d{2}$/.test(local) ? `${local}T00:00:00` : local}${SHANGHAI_OFFSET_TEXT}`);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a local date-time: ${local}`);
  return instant;
}

/** The day of the week of a calendar date, ISO style: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  return ((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1;
}

/** `2026-05-10`. */
export function formatCalendarDate(date: CalendarDate): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** RFC 3339 timestamp with the +08:00 offset, as WeChat Pay and our API expect. */
export function toBusinessIso(instant: Date): string {
  return `${shanghaiWallClock(instant).toISOString().slice(0, 19)}${SHANGHAI_OFFSET_TEXT}`;
}

/** The Asia/Shanghai day as `yyyymmdd`: the key of per-day counters (daily caps start at 00:00 in Shanghai). */
export function businessDayKey(instant: Date): string {
  const { year, month, day } = businessDate(instant);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}
