import type { Logger } from '../logger';
import { AuditEntryModel } from './AuditEntry.model';
import { settleAudit } from './appendAudit';
import { outcomeResolverFor } from './auditOutcomes';

/** An entry still pending this long after it was written belongs to a request that died. */
export const PENDING_AUDIT_GRACE_MS = 5 * 60_000;

/**
 * The repair path of audited changes: settles entries left pending by a crash between the entry and its
 * outcome, asking each subject type whether the change happened. Entries whose subject type has no resolver stay
 * pending and are logged (a defect to fix, never a guess).
 */
export async function settlePendingAudits(context: { now: Date; logger?: Logger }, batchSize = 200): Promise<{ applied: number; failed: number; unresolved: number }> {
  const before = new Date(context.now.getTime() - PENDING_AUDIT_GRACE_MS);
  const pending = await AuditEntryModel.find({ outcome: 'pending', atDate: { $lte: before } }).sort({ _id: 1 }).limit(batchSize).lean();
  const counts = { applied: 0, failed: 0, unresolved: 0 };
  for (const entry of pending) {
    const resolve = outcomeResolverFor(entry.subject.type);
    if (!resolve) {
      counts.unresolved += 1;
      context.logger?.error({ seq: entry._id, subjectType: entry.subject.type }, 'audit entry pending with no outcome resolver');
      continue;
    }
    const outcome = await resolve(entry);
    await settleAudit(entry._id, outcome, context.now);
    counts[outcome] += 1;
  }
  return counts;
}
