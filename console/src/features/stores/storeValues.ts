import type { OpeningHours, OpsStore } from '@cakeday/shared';

type GeoPoint = NonNullable<OpsStore['location']>;

export interface StoreFormValues {
  code?: string;
  name: string;
  address?: string;
  phone?: string | null;
  opens?: string | null;
  closes?: string | null;
  /** GCJ-02, as WeChat's maps take them. */
  latitude?: number | null;
  longitude?: number | null;
  status?: OpsStore['status'];
  /** Members may choose the store for pickup orders. */
  offersPickup?: boolean;
  reason?: string;
}

export function storeFormValues(store: OpsStore): StoreFormValues {
  return {
    name: store.name,
    address: store.address,
    phone: store.phone,
    opens: store.openingHours?.opens ?? null,
    closes: store.openingHours?.closes ?? null,
    latitude: store.location?.latitude ?? null,
    longitude: store.location?.longitude ?? null,
    status: store.status,
    offersPickup: store.offersPickup,
  };
}

/** Both times or none: a store without hours shows none to members. */
export function openingHoursOf(values: StoreFormValues): OpeningHours | null {
  const opens = values.opens?.trim();
  const closes = values.closes?.trim();
  return opens && closes ? { opens, closes } : null;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Both coordinates or none: a store without a location is listed after the located ones and opens no map. */
export function locationOf(values: StoreFormValues): GeoPoint | null {
  return isNumber(values.latitude) && isNumber(values.longitude) ? { latitude: values.latitude, longitude: values.longitude } : null;
}

export function storeFields(values: StoreFormValues): { name: string; address: string; phone: string | null; openingHours: OpeningHours | null; location: GeoPoint | null; offersPickup: boolean } {
  return { name: values.name.trim(), address: values.address?.trim() ?? '', phone: values.phone?.trim() || null, openingHours: openingHoursOf(values), location: locationOf(values), offersPickup: values.offersPickup ?? true };
}

export function openingHoursText(hours: OpeningHours | null): string {
  if (!hours) return '—';
  return `${hours.opens}–${hours.closes}${hours.closes < hours.opens ? '（次日）' : ''}`;
}
