import { businessDayKey } from '@cakeday/shared';
import { DailyCounterModel } from './DailyCounter.model';
import { isDuplicateKeyError } from './duplicateKey';

/** Every daily cap the BFF keeps; the purpose is the first part of the counter's id. */
export type DailyCapPurpose = 'help-assist' | 'referral-reward';

/** One cap: whose it is (a member id) and the instant whose Asia/Shanghai day it counts in. */
export interface DailyCap {
  purpose: DailyCapPurpose;
  subject: string;
  day: Date;
}

export const dailyCounterId = (cap: DailyCap): string => `${cap.purpose}:${cap.subject}:${businessDayKey(cap.day)}`;

/**
 * Takes one of the day's `limit` slots for `key`, or finds the one already taken for it (a retry takes no second
 * slot); false when the day's slots are used up by other keys. One conditional update, so concurrent callers on any
 * instance never pass the cap.
 */
export async function takeDailySlot(cap: DailyCap, key: string, limit: number): Promise<boolean> {
  const _id = dailyCounterId(cap);
  // The day's document first (racing upserts may collide on MongoDB), so the take below is a plain conditional update.
  await DailyCounterModel.updateOne({ _id }, { $setOnInsert: { count: 0, keys: [] } }, { upsert: true }).catch((error: unknown) => {
    if (!isDuplicateKeyError(error)) throw error;
  });
  const taken = await DailyCounterModel.updateOne({ _id, keys: { $ne: key }, count: { $lt: limit } }, { $inc: { count: 1 }, $push: { keys: key } });
  if (taken.modifiedCount === 1) return true;
  return (await DailyCounterModel.countDocuments({ _id, keys: key })) === 1;
}

/** Gives back the slot taken for `key` when what it was taken for did not happen after all; once. */
export async function releaseDailySlot(cap: DailyCap, key: string): Promise<void> {
  await DailyCounterModel.updateOne({ _id: dailyCounterId(cap), keys: key }, { $inc: { count: -1 }, $pull: { keys: key } });
}
