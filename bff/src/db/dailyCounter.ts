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

/** A day's total of amounts (`<key>:<yyyymmdd>`), with the holders whose amounts it counts. */
export interface DailyAmount {
  _id: string;
  count: number;
  /** Who took part of the total: each holder counts once, so a retry by the same holder never counts twice. */
  holders: string[];
}

/**
 * Adds `amount` to the day's total for `holder` if the total stays within `cap`, in one conditional upsert;
 * true when it was added now or the holder already holds its part (a retry), false when it would pass the cap.
 */
export async function takeDailyAmount(counters: Model<DailyAmount>, id: string, amount: number, cap: number, holder: string): Promise<boolean> {
  if (amount <= cap) {
    try {
      const taken = await counters
        .findOneAndUpdate(
          { _id: id, holders: { $ne: holder }, count: { $lte: cap - amount } },
          { $inc: { count: amount }, $push: { holders: holder } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean();
      if (taken) return true;
    } catch (error) {
      // The day's document exists and either holds this holder already or has no room: the upsert collided with it.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return (await counters.exists({ _id: id, holders: holder })) !== null;
}

/** Gives a holder's part back (what it was taken for did not happen); a second release changes nothing. */
export async function releaseDailyAmount(counters: Model<DailyAmount>, id: string, amount: number, holder: string): Promise<void> {
  await counters.updateOne({ _id: id, holders: holder }, { $inc: { count: -amount }, $pull: { holders: holder } });
}
