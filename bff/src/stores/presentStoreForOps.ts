import { toBusinessIso, type OpsStore } from '@cakeday/shared';
import { isValidObjectId } from 'mongoose';
import { versionOf } from '../db/versioned';
import { notFound } from '../errors/AppError';
import { StoreModel, type Store } from '../writeoff/Store.model';

/** The fields ops edit, as stored (seeded stores lack the newer ones). */
export const editableOfStore = (store: Store) => ({
  name: store.name,
  address: store.address,
  phone: store.phone ?? null,
  openingHours: store.openingHours ? { opens: store.openingHours.opens, closes: store.openingHours.closes } : null,
  location: store.location ? { latitude: store.location.latitude, longitude: store.location.longitude } : null,
  status: store.status ?? 'open',
  offersPickup: store.offersPickup ?? true,
});

export function presentStoreForOps(store: Store, activeStaff: number): OpsStore {
  return {
    ...editableOfStore(store),
    id: store._id.toHexString(),
    code: store.code,
    activeStaff,
    createdAt: toBusinessIso(store.createdAt),
    updatedAt: toBusinessIso(store.updatedAt ?? store.createdAt),
    version: versionOf(store),
  };
}

export async function loadStore(id: string): Promise<Store> {
  const store = isValidObjectId(id) ? await StoreModel.findById(id).lean() : null;
  if (!store) throw notFound();
  return store;
}
