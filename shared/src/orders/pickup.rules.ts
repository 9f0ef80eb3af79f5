import type { OpeningHours } from '../stores/stores.schema.js';
import { businessDate, businessTimeOfDay, startOfBusinessDay } from '../time/businessTime.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A store without hours, or one open past midnight, holds pickups until the end of the day. */
const END_OF_DAY_MINUTES = 23 * 60 + 59;

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The last moment to collect a pickup order: `holdDays` Shanghai calendar days after the day it was placed (0 = the
 * same day), when the store closes. A store that closes after midnight (closes before it opens) or has no hours
 * holds it until 23:59 of that day.
 */
export function pickupDeadline(placedAt: Date, holdDays: number, openingHours: OpeningHours | null): Date {
  const day = startOfBusinessDay(businessDate(placedAt)).getTime() + holdDays * DAY_MS;
  const closes = openingHours && minutesOf(openingHours.closes) > minutesOf(openingHours.opens) ? minutesOf(openingHours.closes) : END_OF_DAY_MINUTES;
  return new Date(day + closes * MINUTE_MS);
}

/** "请于 12月3日 21:00 前到 南京西路店 自提". */
export function pickupDeadlineText(deadline: Date, storeName: string): string {
  const { month, day } = businessDate(deadline);
  const { hour, minute } = businessTimeOfDay(deadline);
  return `请于 ${month}月${day}日 ${pad(hour)}:${pad(minute)} 前到 ${storeName} 自提`;
}
