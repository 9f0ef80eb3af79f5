import { businessDayKey } from '@cakeday/shared';
import { DailyCounterModel } from './DailyCounter.model';
import { isDuplicateKeyError } from './duplicateKey';

/** Every daily cap the BFF keeps; the purpose is the first part of the counter's id. */
export type DailyCapPurpose = 'help-assist' | 'referral-reward' | 'points-adjustment' | 'community-post' | 'community-comment' | 'community-photo';

/** One cap: whose it is (a member id) and the instant whose Asia/Shanghai day it counts in. */
export interface DailyCap {
  purpose: DailyCapPurpose;
  subject: string;
  day: Date;
}

export const dailyCounterId = (cap: DailyCap): string => `${cap.purpose}:${cap.subject}:${businessDayKey(cap.day)}`;

/**
 * Adds `amount` for `key` to the day's total if it stays within `limit`, or finds it already added for that key (a
 * retry adds nothing); false when it would pass the limit. One conditional update, so concurrent callers on any
 * instance never pass it. `counterId` is dailyCounterId(cap), kept by callers that release later.
 *
 * One round trip when the take succeeds: the conditional update upserts, so the day's first take creates the
 * document with the amount in it. A document that exists but refuses (the limit, or the key already counted) makes
 * the upsert collide with its `_id`: only then is the take asked again without the upsert (a racing first take may
 * have created the day meanwhile) and, failing that, the key looked for.
 */
export async function takeDailyAmount(counterId: string, key: string, amount: number, limit: number): Promise<boolean> {
  if (amount > limit) return false;
  const conditional = { _id: counterId, keys: { $ne: key }, count: { $lte: limit - amount } };
  const take = { $inc: { count: amount }, $push: { keys: key } };
  try {
    const taken = await DailyCounterModel.updateOne(conditional, take, { upsert: true });
    if (taken.modifiedCount === 1 || taken.upsertedCount === 1) return true;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  if ((await DailyCounterModel.updateOne(conditional, take)).modifiedCount === 1) return true;
  return (await DailyCounterModel.countDocuments({ _id: counterId, keys: key })) === 1;
}

/** Gives back what was added for `key` when what it was added for did not happen after all; once. */
export async function releaseDailyAmount(counterId: string, key: string, amount: number): Promise<void> {
  await DailyCounterModel.updateOne({ _id: counterId, keys: key }, { $inc: { count: -amount }, $pull: { keys: key } });
}

/** The day's total so far. */
export async function dailyTotal(counterId: string): Promise<number> {
  return (await DailyCounterModel.findById(counterId, { count: 1 }).lean())?.count ?? 0;
}

/** One of the day's `limit` slots for `key` (a slot is an amount of 1). */
export const takeDailySlot = (cap: DailyCap, key: string, limit: number): Promise<boolean> => takeDailyAmount(dailyCounterId(cap), key, 1, limit);

export const releaseDailySlot = (cap: DailyCap, key: string): Promise<void> => releaseDailyAmount(dailyCounterId(cap), key, 1);
