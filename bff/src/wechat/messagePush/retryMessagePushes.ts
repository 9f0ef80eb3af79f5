import type { AppDeps } from '../../http/deps';
import type { Logger } from '../../logger';
import { dispatchPushEvent } from './dispatchPushEvent';
import { MessagePushInboxModel } from './MessagePushInbox.model';

const BATCH = 200;
/** Handled (or given up) entries are kept this long: WeChat's re-sends come within seconds, receipts within minutes. */
export const PUSH_INBOX_RETENTION_MS = 30 * 86_400_000;

/**
 * Scheduled (wechat.messagePush.retry): handles the entries whose next attempt has come — failed ones after their
 * backoff, and those a crash or a slow handler left claimed past the lease — oldest first.
 */
export async function retryMessagePushes(deps: AppDeps, log: Logger = deps.logger): Promise<{ handled: number; failed: number; skipped: number }> {
  const due = await MessagePushInboxModel.find({ nextAttemptAt: { $lte: deps.now() } }, { _id: 1 })
    .sort({ nextAttemptAt: 1, _id: 1 })
    .limit(BATCH)
    .lean();
  const totals = { handled: 0, failed: 0, skipped: 0 };
  for (const { _id } of due) totals[await dispatchPushEvent(_id, deps, log)] += 1;
  return totals;
}

/** Scheduled (wechat.messagePush.purge): forgets entries that are done and older than the retention. */
export async function purgeMessagePushInbox(now: Date): Promise<{ purged: number }> {
  const result = await MessagePushInboxModel.deleteMany({ nextAttemptAt: null, receivedAt: { $lt: new Date(now.getTime() - PUSH_INBOX_RETENTION_MS) } });
  return { purged: result.deletedCount };
}
