import { toBusinessIso, type AuditEntry as AuditEntryView } from '@cakeday/shared';
import { AuditEntryModel, type AuditEntry } from './AuditEntry.model';

export interface AuditFilters {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

export function auditQuery(filters: AuditFilters): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filters.actorId) query['actor.id'] = filters.actorId;
  if (filters.action) query.action = filters.action;
  if (filters.subjectType) query['subject.type'] = filters.subjectType;
  if (filters.subjectId) query['subject.id'] = filters.subjectId;
  if (filters.from || filters.to) {
    query.atDate = { ...(filters.from ? { $gte: new Date(filters.from) } : {}), ...(filters.to ? { $lt: new Date(filters.to) } : {}) };
  }
  return query;
}

export function presentAuditEntry(entry: AuditEntry): AuditEntryView {
  return {
    seq: entry._id,
    at: toBusinessIso(new Date(entry.at)),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    before: entry.before,
    after: entry.after,
    reason: entry.reason,
    requestId: entry.requestId,
    ip: entry.ip,
    outcome: entry.outcome,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

/** Newest first. */
export async function listAudit(input: AuditFilters & { page: number; pageSize: number }): Promise<{ items: AuditEntryView[]; total: number }> {
  const query = auditQuery(input);
  const [entries, total] = await Promise.all([
    AuditEntryModel.find(query).sort({ _id: -1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    AuditEntryModel.countDocuments(query),
  ]);
  return { items: entries.map(presentAuditEntry), total };
}
