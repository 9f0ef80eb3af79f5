import { businessTimeOfDay } from '../time/businessTime.js';
import type { GeoPoint, OpeningHours } from './stores.schema.js';

const EARTH_RADIUS_METERS = 6_371_000;
const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in whole metres (haversine); accurate enough to order stores in a city. */
export function distanceMeters(from: GeoPoint, to: GeoPoint): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a))));
}

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Open at `now` (Asia/Shanghai) by its daily hours; `closes` at or before `opens` runs past midnight. */
export function isOpenAt(hours: OpeningHours, now: Date): boolean {
  const { hour, minute } = businessTimeOfDay(now);
  const at = hour * 60 + minute;
  const opens = minutesOf(hours.opens);
  const closes = minutesOf(hours.closes);
  if (opens === closes) return true;
  return opens < closes ? at >= opens && at < closes : at >= opens || at < closes;
}

/** 1.2km / 850m, as a store list shows it. */
export function distanceText(meters: number): string {
  return meters >= 1000 ? `${(meters / 1000).toFixed(1)}km` : `${meters}m`;
}
