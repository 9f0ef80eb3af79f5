import type { MessagePushEvent } from '@cakeday/shared';
import { isDuplicateKeyError } from '../../db/duplicateKey';
import { MessagePushInboxModel } from './MessagePushInbox.model';
import { pushInboxKey } from './pushInboxKey';

/**
 * Records a pushed fact before anything acts on it: a new entry, due at once, or one more delivery of an entry
 * already there (WeChat's retry or duplicate), which changes nothing else. Returns the entry's key.
 */
export async function recordPushEvent(event: MessagePushEvent, now: Date): Promise<{ key: string; isNew: boolean }> {
  const key = pushInboxKey(event);
  const upsert = () =>
    MessagePushInboxModel.updateOne(
      { _id: key },
      {
        $setOnInsert: { type: event.type, openid: event.openid, event, state: 'received', attempts: 0, handledBy: [], nextAttemptAt: now, lastError: null, receivedAt: now, handledAt: null },
        $inc: { deliveries: 1 },
      },
      { upsert: true, setDefaultsOnInsert: false },
    );
  try {
    return { key, isNew: (await upsert()).upsertedCount > 0 };
  } catch (error) {
    // Two deliveries racing to insert (MongoDB can refuse the second upsert): the entry exists now.
    if (!isDuplicateKeyError(error)) throw error;
    return { key, isNew: (await upsert()).upsertedCount > 0 };
  }
}
