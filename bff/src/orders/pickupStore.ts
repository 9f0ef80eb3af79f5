import { pickupDeadline } from '@cakeday/shared';
import { isValidObjectId } from 'mongoose';
import { unprocessable } from '../errors/AppError';
import { StoreModel } from '../writeoff/Store.model';
import type { StoredPickup } from './MallOrder.model';

/**
 * The store a member chose to collect a pickup item at: it must exist, trade (not closed) and offer pickup
 * (422 PICKUP_STORE_UNAVAILABLE otherwise). The order keeps a copy of its name, address, hours and phone as they
 * were, and the deadline by the program's hold days and the store's closing time.
 */
export async function pickupAtStore(storeId: string, context: { now: Date; holdDays: number }): Promise<StoredPickup> {
  const store = isValidObjectId(storeId) ? await StoreModel.findOne({ _id: storeId, status: { $ne: 'closed' }, offersPickup: { $ne: false } }).lean() : null;
  if (!store) throw unprocessable('PICKUP_STORE_UNAVAILABLE');
  const openingHours = store.openingHours ? { opens: store.openingHours.opens, closes: store.openingHours.closes } : null;
  return {
    storeId: store._id,
    storeName: store.name,
    address: store.address,
    phone: store.phone ?? null,
    openingHours,
    deadline: pickupDeadline(context.now, context.holdDays, openingHours),
  };
}
