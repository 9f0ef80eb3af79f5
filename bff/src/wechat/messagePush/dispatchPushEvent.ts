import type { AppDeps } from '../../http/deps';
import type { Logger } from '../../logger';
import { MessagePushInboxModel, type InboxEntry } from './MessagePushInbox.model';

/** How long a claim holds an entry: past it, a crashed or stuck attempt is taken over by the repair job. */
export const PUSH_CLAIM_LEASE_MS = 2 * 60_000;
/** After this many failed attempts an entry stays `failed` with no next attempt (and an error in the log). */
export const PUSH_MAX_ATTEMPTS = 10;

/** 1, 2, 4 ... minutes after each failure, at most an hour. */
export function pushRetryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

async function recordFailure(entry: InboxEntry, handler: string, error: unknown, now: Date, log: Logger): Promise<void> {
  const givingUp = entry.attempts >= PUSH_MAX_ATTEMPTS;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Only if no later attempt has claimed or finished the entry meanwhile.
  await MessagePushInboxModel.updateOne(
    { _id: entry._id, state: { $ne: 'handled' }, attempts: entry.attempts },
    { $set: { state: 'failed', lastError: `${handler}: ${reason}`.slice(0, 500), nextAttemptAt: givingUp ? null : new Date(now.getTime() + pushRetryDelayMs(entry.attempts)) } },
  );
  const fields = { err: error, pushEvent: entry.type, handler, attempts: entry.attempts };
  if (givingUp) log.error(fields, 'wechat push handler failed; giving up');
  else log.warn(fields, 'wechat push handler failed; will retry');
}

/**
 * Claims the entry if it is due (one conditional update: concurrent deliveries and the repair job cannot both take
 * it), runs each registered handler of its type that has not yet succeeded on it, then marks it handled; the first
 * handler to throw leaves it `failed` with its next attempt scheduled. 'skipped': handled, or someone else's now.
 */
export async function dispatchPushEvent(key: string, deps: AppDeps, log: Logger): Promise<'handled' | 'failed' | 'skipped'> {
  const now = deps.now();
  const entry = await MessagePushInboxModel.findOneAndUpdate(
    { _id: key, state: { $ne: 'handled' }, nextAttemptAt: { $lte: now } },
    { $set: { nextAttemptAt: new Date(now.getTime() + PUSH_CLAIM_LEASE_MS) }, $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  ).lean();
  if (!entry) return 'skipped';
  const context = { deps, now, log };
  for (const handler of deps.pushHandlers.for(entry.type)) {
    if (entry.handledBy.includes(handler.name)) continue;
    try {
      await handler.handle(entry.event, context);
    } catch (error) {
      await recordFailure(entry, handler.name, error, deps.now(), log);
      return 'failed';
    }
    await MessagePushInboxModel.updateOne({ _id: key }, { $addToSet: { handledBy: handler.name } });
  }
  await MessagePushInboxModel.updateOne({ _id: key, state: { $ne: 'handled' } }, { $set: { state: 'handled', handledAt: deps.now(), nextAttemptAt: null, lastError: null } });
  return 'handled';
}
