import type { Logger } from '../logger';
import { OperatorModel } from '../operators/Operator.model';
import type { WecomRobot } from '../wecom/wecomRobot';
import { AlertModel } from './Alert.model';
import { AlertNoticeModel, type AlertNotice } from './AlertNotice.model';
import { alertNoticeText } from './alertNoticeText';

const MINUTE_MS = 60_000;
/** How long a claimed notice is its sender's before another run may take it over (a crashed sender's notice). */
const SEND_LEASE_MS = 2 * MINUTE_MS;
/** A notice still unsent after this many attempts is failed: the console's open-alerts list still shows the alert. */
export const MAX_NOTICE_ATTEMPTS = 8;
const NOTICES_PER_RUN = 100;

/** Where tests place a crash: after the robot answered, before the notice records it. */
export type NoticeFaultPoint = 'posted';
export interface NoticeFaults {
  after(point: NoticeFaultPoint, key: string): void;
}

/** 1, 2, 4 … minutes after the attempt that failed, at most an hour: the robot takes 20 messages a minute. */
export const noticeBackoffMs = (attempts: number): number => Math.min(60, 2 ** Math.max(0, attempts - 1)) * MINUTE_MS;

export interface NoticeRun {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * The notices' sender (a job): claims each queued notice that is due (a lease that also counts the attempt), posts
 * it to the ops group's robot and records what came of it with a conditional transition on that attempt: sent; or
 * queued again with a backoff (45009 the robot's rate limit — the run stops there, the rest wait —, no answer); or
 * failed (a refusal such as 93000 an invalid key, or too many attempts). A crash after posting leaves the notice
 * claimed; once the lease ends it is posted again: the group may see it twice, never not at all.
 */
export async function deliverAlertNotices(context: { now: Date; robot: WecomRobot; logger?: Logger }, faults?: NoticeFaults): Promise<NoticeRun> {
  const run: NoticeRun = { sent: 0, retried: 0, failed: 0 };
  const { now } = context;
  for (let index = 0; index < NOTICES_PER_RUN; index += 1) {
    const notice = await AlertNoticeModel.findOneAndUpdate(
      { state: 'queued', nextAttemptAt: { $lte: now } },
      { $set: { nextAttemptAt: new Date(now.getTime() + SEND_LEASE_MS) }, $inc: { attempts: 1 } },
      { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
    ).lean();
    if (!notice) break;
    const [alert, operator] = await Promise.all([AlertModel.findById(notice.alertId).lean(), OperatorModel.findById(notice.operatorId, { displayName: 1, status: 1 }).lean()]);
    if (!alert || !operator || operator.status !== 'active') {
      await settle(notice, { state: 'failed', nextAttemptAt: null, lastError: alert ? 'operator_inactive' : 'alert_missing' });
      run.failed += 1;
      continue;
    }
    const outcome = await context.robot.sendMarkdown(alertNoticeText(alert, operator.displayName));
    faults?.after('posted', notice.key);
    if (outcome.outcome === 'sent') {
      await settle(notice, { state: 'sent', nextAttemptAt: null, sentAt: now, lastError: null });
      run.sent += 1;
      continue;
    }
    const exhausted = outcome.outcome === 'refused' || notice.attempts >= MAX_NOTICE_ATTEMPTS;
    await settle(notice, exhausted ? { state: 'failed', nextAttemptAt: null, lastError: outcome.code } : { nextAttemptAt: new Date(now.getTime() + noticeBackoffMs(notice.attempts)), lastError: outcome.code });
    if (exhausted) run.failed += 1;
    else run.retried += 1;
    context.logger?.warn({ notice: notice.key, code: outcome.code, attempts: notice.attempts, exhausted }, 'alert notice not posted');
    // The robot's minute is used up: the others would be refused too.
    if (outcome.code === 'errcode_45009') break;
  }
  return run;
}

/** Records an attempt's outcome only if the notice is still queued on that attempt (a late sender changes nothing). */
async function settle(notice: AlertNotice, change: Partial<Pick<AlertNotice, 'state' | 'nextAttemptAt' | 'sentAt' | 'lastError'>>): Promise<void> {
  await AlertNoticeModel.updateOne({ _id: notice._id, state: 'queued', attempts: notice.attempts }, { $set: change });
}
