import { createHash } from 'node:crypto';
import type { AuditRecord } from './AuditEntry.model';

/** The hash the chain starts from (no entry before the first). */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same record always serialises to the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

export function auditHash(prevHash: string, record: AuditRecord): string {
  const hashed: AuditRecord = {
    at: record.at,
    actor: record.actor,
    action: record.action,
    subject: record.subject,
    before: record.before,
    after: record.after,
    reason: record.reason,
    requestId: record.requestId,
    ip: record.ip,
  };
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(hashed)).digest('hex');
}

/**
 * Turns a value into plain JSON data (ObjectIds and Dates as strings) before it is hashed and stored, so that what
 * is read back from the database hashes exactly as what was written.
 */
export function toAuditData(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}
