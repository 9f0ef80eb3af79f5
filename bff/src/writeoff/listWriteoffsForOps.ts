import type { OpsAction, OpsWriteoffFilters } from '@cakeday/shared';
import { isValidObjectId, Types, type QueryFilter } from 'mongoose';
import { notFound } from '../errors/AppError';
import type { OperatorPrincipal } from '../http/context';
import { accessibleFilter, assertCanName, assertCanReach, withinAccess } from '../operators/opsAccess';
import { WriteoffRecordModel, type WriteoffRecord } from './WriteoffRecord.model';

type Operator = Pick<OperatorPrincipal, 'ability'>;

/**
 * The write-offs an operator may see under the filters, as one query: the operator's conditions (a store manager's
 * `{ storeId }`) joined with `$and`; naming a store the operator may not see is refused (403). null = none at all.
 */
export function writeoffQuery(filters: OpsWriteoffFilters, operator: Operator, action: OpsAction): Record<string, unknown> | null {
  if (filters.storeId) assertCanName(operator, action, 'Writeoff', { storeId: filters.storeId });
  const access = accessibleFilter(operator, action, 'Writeoff');
  if (!access) return null;
  const filter: QueryFilter<WriteoffRecord> = {};
  if (filters.storeId) filter.storeId = new Types.ObjectId(filters.storeId);
  if (filters.kind) filter.subjectKind = filters.kind;
  if (filters.from || filters.to) {
    filter.at = { ...(filters.from ? { $gte: new Date(filters.from) } : {}), ...(filters.to ? { $lt: new Date(filters.to) } : {}) };
  }
  return withinAccess(access, filter);
}

/** Newest first. */
export async function listWriteoffsForOps(input: OpsWriteoffFilters & { page: number; pageSize: number }, operator: Operator): Promise<{ items: WriteoffRecord[]; total: number }> {
  const query = writeoffQuery(input, operator, 'read');
  if (!query) return { items: [], total: 0 };
  const [items, total] = await Promise.all([
    WriteoffRecordModel.find(query).sort({ at: -1, _id: -1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    WriteoffRecordModel.countDocuments(query),
  ]);
  return { items, total };
}

/** One record; another store's answers 404 to a store manager, as if it did not exist. */
export async function loadWriteoffForOps(id: string, operator: Operator): Promise<WriteoffRecord> {
  const record = isValidObjectId(id) ? await WriteoffRecordModel.findById(id).lean() : null;
  if (!record) throw notFound();
  assertCanReach(operator, 'read', 'Writeoff', { storeId: record.storeId.toHexString() });
  return record;
}
