import type { AuditEntry } from './AuditEntry.model';

/** Decides, after a crash, whether the change an entry announced happened. */
export type OutcomeResolver = (entry: AuditEntry) => Promise<'applied' | 'failed'>;

const resolvers = new Map<string, OutcomeResolver>();

/**
 * Each audited subject type says how to tell whether a change happened: usually "the subject carries the entry's
 * position in `auditSeqs`", or "a document keyed by the entry exists" (a ledger entry `ops-adjust:<seq>`).
 * Features register their subjects when their module loads.
 */
export function registerAuditSubject(subjectType: string, resolve: OutcomeResolver): void {
  resolvers.set(subjectType, resolve);
}

export function outcomeResolverFor(subjectType: string): OutcomeResolver | undefined {
  return resolvers.get(subjectType);
}

/** The common resolver: the subject document (by `subject.id`) lists the entry among its `auditSeqs`. */
export function carriesAuditSeq(count: (filter: Record<string, unknown>) => Promise<number>): OutcomeResolver {
  return async (entry) => ((await count({ _id: entry.subject.id, auditSeqs: entry._id })) > 0 ? 'applied' : 'failed');
}
