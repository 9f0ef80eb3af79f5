import { businessDate, businessTimeOfDay, formatCalendarDate, type CalendarDate } from '@cakeday/shared';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An instant as its Asia/Shanghai calendar date: "2026-03-14". */
export function formatBusinessDate(iso: string): string {
  return formatCalendarDate(businessDate(new Date(iso)));
}

/** An instant as Asia/Shanghai date and time: "2026-03-14 09:05". */
export function formatBusinessDateTime(iso: string): string {
  const { hour, minute } = businessTimeOfDay(new Date(iso));
  return `${formatBusinessDate(iso)} ${pad(hour)}:${pad(minute)}`;
}

/** "3月14日", or "1990年3月14日" with a year. */
export function formatBirthday(birthday: Pick<CalendarDate, 'month' | 'day'> & { year?: number | null }): string {
  const monthDay = `${birthday.month}月${birthday.day}日`;
  return birthday.year ? `${birthday.year}年${monthDay}` : monthDay;
}
