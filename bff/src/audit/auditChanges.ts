import { toAuditData } from './auditHash';

/**
 * The fields an edit changes, as the audit entry's before and after (only those, compared as stored JSON), so the
 * log reads as a diff rather than two copies of the record.
 */
export function auditChanges<T extends Record<string, unknown>>(current: T, next: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] === undefined) continue;
    if (JSON.stringify(toAuditData(current[key])) === JSON.stringify(toAuditData(next[key]))) continue;
    before[key] = current[key];
    after[key] = next[key];
  }
  return { before, after };
}
