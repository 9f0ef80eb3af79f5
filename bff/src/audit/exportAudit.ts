import { toBusinessIso } from '@cakeday/shared';
import type { CsvExport } from '../http/routeHandler';
import { AuditEntryModel } from './AuditEntry.model';
import { auditQuery, type AuditFilters } from './listAudit';

const BATCH = 500;

/** The log as CSV, oldest first, read in batches by position (never the whole log in memory). */
export async function exportAudit(filters: AuditFilters): Promise<CsvExport> {
  const query = auditQuery(filters);
  const total = await AuditEntryModel.countDocuments(query);
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['序号', '时间', '操作人', '角色', '操作', '对象类型', '对象', '修改前', '修改后', '原因', '结果', '请求号', 'IP', '哈希'];
    let after = 0;
    for (;;) {
      const batch = await AuditEntryModel.find({ ...query, _id: { $gt: after } }).sort({ _id: 1 }).limit(BATCH).lean();
      for (const entry of batch) {
        yield [
          entry._id,
          toBusinessIso(new Date(entry.at)),
          entry.actor.name,
          entry.actor.roles.join('|'),
          entry.action,
          entry.subject.type,
          entry.subject.id,
          entry.before === null ? null : JSON.stringify(entry.before),
          entry.after === null ? null : JSON.stringify(entry.after),
          entry.reason,
          entry.outcome,
          entry.requestId,
          entry.ip,
          entry.hash,
        ];
        after = entry._id;
      }
      if (batch.length < BATCH) return;
    }
  }
  return { filename: `audit-log-${new Date().toISOString().slice(0, 10)}.csv`, total, rows: rows() };
}
