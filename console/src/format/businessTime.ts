import { businessDate, startOfBusinessDay, toBusinessIso } from '@cakeday/shared';

const HOUR_MS = 60 * 60 * 1000;
const pad = (value: number): string => String(value).padStart(2, '0');

/** An instant as Asia/Shanghai date and time, "2026-03-14 09:05:00", whatever the browser's zone. */
export function formatBusinessDateTime(iso: string): string {
  const instant = new Date(iso);
  const { year, month, day } = businessDate(instant);
  const shanghai = new Date(instant.getTime() + 8 * HOUR_MS);
  return `${year}-${pad(month)}-${pad(day)} ${pad(shanghai.getUTCHours())}:${pad(shanghai.getUTCMinutes())}:${pad(shanghai.getUTCSeconds())}`;
}

/**
 * "2026-03-14 09:05:00" read as Asia/Shanghai wall time (the console's date pickers show business time), as the
 * API's ISO form with +08:00; null for anything else.
 */
export function businessIsoFromWallTime(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const start = startOfBusinessDay({ year, month, day });
  return toBusinessIso(new Date(start.getTime() + ((hour * 60 + minute) * 60 + second) * 1000));
}

/**
 * A date range picked as business days ("2026-03-01" to "2026-03-31", both included) as the API's half-open
 * instants: from the start of the first day to the start of the day after the last (Asia/Shanghai).
 */
export function businessDayRange(range: unknown): { from?: string; to?: string } {
  if (!Array.isArray(range) || range.length !== 2) return {};
  const [first, last] = range.map((value) => (typeof value === 'string' ? value.slice(0, 10) : ''));
  const from = first ? businessIsoFromWallTime(first) : null;
  const to = last ? businessIsoFromWallTime(nextDay(last)) : null;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** An instant's business date, "2026-03-14". */
export function formatBusinessDate(iso: string): string {
  return formatBusinessDateTime(iso).slice(0, 10);
}
