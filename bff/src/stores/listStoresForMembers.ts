import { distanceMeters, isOpenAt, type GeoPoint, type MemberStore } from '@cakeday/shared';
import { StoreModel, type Store } from '../writeoff/Store.model';

/** Enough for a brand's stores in one list; a chain past it would page by distance instead. */
const STORE_LIST_LIMIT = 200;

function presentMemberStore(store: Store, near: GeoPoint | undefined, now: Date): MemberStore {
  const location = store.location ? { latitude: store.location.latitude, longitude: store.location.longitude } : null;
  const hours = store.openingHours ? { opens: store.openingHours.opens, closes: store.openingHours.closes } : null;
  return {
    id: store._id.toHexString(),
    name: store.name,
    address: store.address,
    phone: store.phone ?? null,
    openingHours: hours,
    location,
    distanceMeters: near && location ? distanceMeters(near, location) : null,
    openNow: hours ? isOpenAt(hours, now) : null,
    offersPickup: store.offersPickup ?? true,
  };
}

/** Stores still trading (seeded ones lack a status: open), nearest first when `near` is given, else by code. */
export async function listStoresForMembers(near: GeoPoint | undefined, now: Date): Promise<MemberStore[]> {
  const stores = await StoreModel.find({ status: { $ne: 'closed' } }).sort({ code: 1 }).limit(STORE_LIST_LIMIT).lean();
  const listed = stores.map((store) => presentMemberStore(store, near, now));
  if (!near) return listed;
  // Stable: stores without a location keep their code order after the located ones.
  return listed
    .map((store, index) => ({ store, index }))
    .sort((a, b) => (a.store.distanceMeters ?? Infinity) - (b.store.distanceMeters ?? Infinity) || a.index - b.index)
    .map(({ store }) => store);
}
