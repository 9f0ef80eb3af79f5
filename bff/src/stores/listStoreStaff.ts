import { Types, type QueryFilter } from 'mongoose';
import type { OperatorPrincipal } from '../http/context';
import { accessibleFilter, assertCanName, withinAccess } from '../operators/opsAccess';
import { StaffAllowanceModel, type StaffAllowance } from '../writeoff/StaffAllowance.model';

/**
 * Staff the operator may read: a store manager's conditions (`{ storeId }`) are part of the query, and naming
 * another store's id is refused (403) rather than answered with an empty page.
 */
export async function listStoreStaff(
  input: { page: number; pageSize: number; storeId?: string; active?: boolean },
  operator: Pick<OperatorPrincipal, 'ability'>,
): Promise<{ items: StaffAllowance[]; total: number }> {
  if (input.storeId) assertCanName(operator, 'read', 'StoreStaff', { storeId: input.storeId });
  const access = accessibleFilter(operator, 'read', 'StoreStaff');
  if (!access) return { items: [], total: 0 };
  const filter: QueryFilter<StaffAllowance> = {};
  if (input.storeId) filter.storeId = new Types.ObjectId(input.storeId);
  if (input.active !== undefined) filter.active = input.active;
  const query = withinAccess(access, filter);
  const [items, total] = await Promise.all([
    StaffAllowanceModel.find(query).sort({ storeId: 1, _id: 1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    StaffAllowanceModel.countDocuments(query),
  ]);
  return { items, total };
}
