import type { MessagePushEvent } from '@cakeday/shared';
import type { AppDeps } from '../../http/deps';
import type { Logger } from '../../logger';
import { dispatchPushEvent } from './dispatchPushEvent';
import { recordPushEvent } from './recordPushEvent';

/** Resolves when `work` settles or after `ms`, whichever is first; the work goes on either way. */
function withinBudget(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work.then(() => undefined), budget]).finally(() => clearTimeout(timer));
}

/**
 * A verified push's facts: each is recorded first (so WeChat may be answered `success` as soon as they are safe),
 * then handled within the budget (WECHAT_PUSH_HANDLE_BUDGET_MS, under WeChat's 5 seconds). Handling that takes longer
 * finishes after the answer; handling that fails is retried by the wechat.messagePush.retry job.
 */
export async function receiveMessagePush(events: readonly MessagePushEvent[], deps: AppDeps, log: Logger): Promise<{ recorded: number; duplicates: number }> {
  const now = deps.now();
  const keys: string[] = [];
  let duplicates = 0;
  for (const event of events) {
    const { key, isNew } = await recordPushEvent(event, now);
    keys.push(key);
    if (!isNew) duplicates += 1;
  }
  const handling = (async () => {
    for (const key of keys) await dispatchPushEvent(key, deps, log);
  })().catch((error: unknown) => {
    // Recorded and still due: the repair job will take it.
    log.error({ err: error }, 'wechat push handling failed');
  });
  await withinBudget(handling, deps.config.WECHAT_PUSH_HANDLE_BUDGET_MS);
  return { recorded: keys.length - duplicates, duplicates };
}
