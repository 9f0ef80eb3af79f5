import type { QueryFilter } from 'mongoose';
import { escapeRegex } from '../db/escapeRegex';
import type { OperatorPrincipal } from '../http/context';
import { accessibleFilter, withinAccess } from '../operators/opsAccess';
import { StoreModel, type Store } from '../writeoff/Store.model';

/** The stores the operator may read (a store manager: their own), by code. */
export async function listStoresForOps(
  input: { page: number; pageSize: number; status?: 'open' | 'closed'; query?: string },
  operator: Pick<OperatorPrincipal, 'ability'>,
): Promise<{ items: Store[]; total: number }> {
  const access = accessibleFilter(operator, 'read', 'Store');
  if (!access) return { items: [], total: 0 };
  const filter: QueryFilter<Store> = {};
  // Stores saved before the status existed are open.
  if (input.status) filter.status = input.status === 'open' ? { $in: ['open', null] } : 'closed';
  if (input.query) {
    const pattern = new RegExp(escapeRegex(input.query), 'i');
    filter.$or = [{ name: pattern }, { code: pattern }];
  }
  const query = withinAccess(access, filter);
  const [items, total] = await Promise.all([
    StoreModel.find(query).sort({ code: 1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    StoreModel.countDocuments(query),
  ]);
  return { items, total };
}
