import { businessDate, type CalendarDate } from '@cakeday/shared';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An instant as its Asia/Shanghai calendar date: "2026-03-14". */
export function formatBusinessDate(iso: string): string {
  const { year, month, day } = businessDate(new Date(iso));
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** An instant as Asia/Shanghai date and time: "2026-03-14 09:05". */
export function formatBusinessDateTime(iso: string): string {
  const instant = new Date(iso);
  const shanghai = new Date(instant.getTime() + 8 * 60 * 60 * 1000);
  return `${formatBusinessDate(iso)} ${pad(shanghai.getUTCHours())}:${pad(shanghai.getUTCMinutes())}`;
}

/** "3月14日", or "1990年3月14日" with a year. */
export function formatBirthday(birthday: Pick<CalendarDate, 'month' | 'day'> & { year?: number | null }): string {
  const monthDay = `${birthday.month}月${birthday.day}日`;
  return birthday.year ? `${birthday.year}年${monthDay}` : monthDay;
}
