import { isOnlyDuplicateKeyErrors } from '../db/duplicateKey';
import { EventHeadModel } from './EventHead.model';

const STRIPES = 8;

const stripeOf = (key: string): number => {
  let hash = 0;
  for (let index = 0; index < key.length; index += 1) hash = (hash * 31 + key.charCodeAt(index)) >>> 0;
  return hash % STRIPES;
};

export interface EventHeadView {
  /** Every write announced so far; it only grows. */
  writes: number;
  /** The latest `recordedAt` ever announced, or null before the first write. */
  lastRecordedAt: Date | null;
}

/**
 * Counts writes about to be made to the outbox, before they are made: a consumer that read the head before its run
 * and later finds it unchanged knows no event has been written since. A crash between the count and the insert only
 * costs a consumer one needless read; a duplicate that the unique key refuses, likewise.
 */
export async function announceEventWrites(keys: readonly string[], recordedAt: Date): Promise<void> {
  const perStripe = new Map<number, number>();
  for (const key of keys) perStripe.set(stripeOf(key), (perStripe.get(stripeOf(key)) ?? 0) + 1);
  const operations = [...perStripe].map(([stripe, writes]) => ({
    updateOne: { filter: { _id: stripe }, update: { $inc: { writes }, $max: { lastRecordedAt: recordedAt } }, upsert: true },
  }));
  if (operations.length === 0) return;
  try {
    await EventHeadModel.bulkWrite(operations, { ordered: false });
  } catch (error) {
    // Two first writes to a stripe raced to create it: the update that lost finds it now. Stripes counted twice by
    // the repeat only cost a consumer a needless read: the sum need only change, never be exact.
    if (!isOnlyDuplicateKeyErrors(error)) throw error;
    await EventHeadModel.bulkWrite(operations, { ordered: false });
  }
}

export async function readEventHead(): Promise<EventHeadView> {
  const stripes = await EventHeadModel.find({}).lean();
  let writes = 0;
  let lastRecordedAt: Date | null = null;
  for (const stripe of stripes) {
    writes += stripe.writes;
    if (!lastRecordedAt || stripe.lastRecordedAt > lastRecordedAt) lastRecordedAt = stripe.lastRecordedAt;
  }
  return { writes, lastRecordedAt };
}
