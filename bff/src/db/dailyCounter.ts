import type { Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicateKey';

/** One counter document per key and Asia/Shanghai day (`<key>:<yyyymmdd>`). */
export interface DailyCount {
  _id: string;
  count: number;
}

/**
 * Takes one of the day's `cap` slots with a single conditional upsert, so concurrent callers on any instance
 * never pass the cap; false when the day's are used up.
 */
export async function takeDailySlot(counters: Model<DailyCount>, id: string, cap: number): Promise<boolean> {
  try {
    const slot = await counters.findOneAndUpdate({ _id: id, count: { $lt: cap } }, { $inc: { count: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
    return slot !== null;
  } catch (error) {
    // The day's document exists and is at the cap: the conditional upsert collided with it.
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Gives a slot back when what it was taken for did not happen after all. */
export async function releaseDailySlot(counters: Model<DailyCount>, id: string): Promise<void> {
  await counters.updateOne({ _id: id, count: { $gt: 0 } }, { $inc: { count: -1 } });
}
