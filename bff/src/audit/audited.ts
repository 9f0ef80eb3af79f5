import type { AuditActor, AuditEntry } from './AuditEntry.model';
import { appendAudit, settleAudit, type AuditFaults, type AuditIntent } from './appendAudit';

/** Who acts and where the request came from; built by the ops handlers from the session (opsAuditContext). */
export interface AuditContext {
  actor: AuditActor;
  requestId: string | null;
  ip: string | null;
  now: Date;
  faults?: AuditFaults & { afterChange?: () => void };
}

/** How subjects carry the entries that changed them: the change pushes its position, the last 20 are kept. */
export const auditSeqPush = (seq: number): { auditSeqs: { $each: number[]; $slice: number } } => ({ auditSeqs: { $each: [seq], $slice: -20 } });

/**
 * Runs an audited change: the entry is written first (a change whose entry cannot be written does not happen),
 * then the change, which must record `entry._id` on what it writes (auditSeqPush, or an idempotency key built
 * from it) so the outcome can be established after a crash (settlePendingAudits); then the outcome.
 */
export async function audited<T>(
  context: AuditContext,
  intent: Omit<AuditIntent, 'actor' | 'requestId' | 'ip'>,
  change: (entry: AuditEntry) => Promise<T>,
): Promise<T> {
  const entry = await appendAudit({ ...intent, actor: context.actor, requestId: context.requestId, ip: context.ip }, context.now, context.faults);
  let result: T;
  try {
    result = await change(entry);
  } catch (error) {
    await settleAudit(entry._id, 'failed', context.now);
    throw error;
  }
  context.faults?.afterChange?.();
  await settleAudit(entry._id, 'applied', context.now);
  return result;
}

/** Records something already done or only read (a reveal of personal data, a login, an export): applied at once. */
export async function recordAudit(context: AuditContext, intent: Omit<AuditIntent, 'actor' | 'requestId' | 'ip'>): Promise<AuditEntry> {
  const entry = await appendAudit({ ...intent, actor: context.actor, requestId: context.requestId, ip: context.ip }, context.now, context.faults);
  await settleAudit(entry._id, 'applied', context.now);
  return { ...entry, outcome: 'applied', settledAt: context.now };
}
