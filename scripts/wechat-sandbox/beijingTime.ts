/**
 * WeChat's clock: Beijing time, UTC+8 without daylight saving. The sandbox keeps its own instead of importing the
 * BFF's business time (shared/src/time): it imitates WeChat, so a mistake in our code must not be mirrored here.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const beijingWallClock = (epochMs: number): string => new Date(epochMs + BEIJING_OFFSET_MS).toISOString();

/** WeChat's time format: RFC 3339 in Beijing time, e.g. 2018-06-08T10:34:56+08:00. */
export function beijingTime(date: Date): string {
  return `${beijingWallClock(date.getTime()).slice(0, 19)}+08:00`;
}

/** The Beijing calendar day (YYYY-MM-DD), when WeChat's daily quotas reset. */
export function beijingDay(epochMs: number): string {
  return beijingWallClock(epochMs).slice(0, 10);
}
