import { businessDate, businessTimeOfDay, startOfBusinessDay, type CalendarDate } from '../time/businessTime.js';

/** From this many days left on, a coupon's deadline also says how many days remain. */
const COUNTDOWN_FROM_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (value: number): string => String(value).padStart(2, '0');

/** Whole Shanghai calendar days from one date to another (both at their 00:00; DST-free, so exact). */
function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((startOfBusinessDay(to).getTime() - startOfBusinessDay(from).getTime()) / DAY_MS);
}

/**
 * The last moment a coupon can be used, in words: "今天 23:59 到期", "可用至 12月31日 23:59 · 还剩 2 天",
 * "可用至 2027年1月5日 23:59". `validUntil` is exclusive (the rule refuses at `now >= validUntil`), so a coupon
 * valid until 1 January 00:00 is last usable on 31 December at 23:59: the member and the till read the same moment.
 */
export function couponDeadlineText(validUntil: Date, now: Date): string {
  if (now.getTime() >= validUntil.getTime()) return '已过期';
  const lastMoment = new Date(validUntil.getTime() - 1);
  const lastDay = businessDate(lastMoment);
  const { hour, minute } = businessTimeOfDay(lastMoment);
  const clock = `${pad(hour)}:${pad(minute)}`;
  const today = businessDate(now);
  const daysLeft = daysBetween(today, lastDay);
  if (daysLeft === 0) return `今天 ${clock} 到期`;
  const day = lastDay.year === today.year ? `${lastDay.month}月${lastDay.day}日` : `${lastDay.year}年${lastDay.month}月${lastDay.day}日`;
  const countdown = daysLeft <= COUNTDOWN_FROM_DAYS ? ` · 还剩 ${daysLeft} 天` : '';
  return `可用至 ${day} ${clock}${countdown}`;
}
