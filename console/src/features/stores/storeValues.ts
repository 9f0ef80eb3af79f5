import type { OpeningHours, OpsStore } from '@cakeday/shared';

export interface StoreFormValues {
  code?: string;
  name: string;
  address?: string;
  phone?: string | null;
  opens?: string | null;
  closes?: string | null;
  status?: OpsStore['status'];
  reason?: string;
}

export function storeFormValues(store: OpsStore): StoreFormValues {
  return {
    name: store.name,
    address: store.address,
    phone: store.phone,
    opens: store.openingHours?.opens ?? null,
    closes: store.openingHours?.closes ?? null,
    status: store.status,
  };
}

/** Both times or none: a store without hours shows none to members. */
export function openingHoursOf(values: StoreFormValues): OpeningHours | null {
  const opens = values.opens?.trim();
  const closes = values.closes?.trim();
  return opens && closes ? { opens, closes } : null;
}

export function storeFields(values: StoreFormValues): { name: string; address: string; phone: string | null; openingHours: OpeningHours | null } {
  return { name: values.name.trim(), address: values.address?.trim() ?? '', phone: values.phone?.trim() || null, openingHours: openingHoursOf(values) };
}

export function openingHoursText(hours: OpeningHours | null): string {
  if (!hours) return '—';
  return `${hours.opens}–${hours.closes}${hours.closes < hours.opens ? '（次日）' : ''}`;
}
