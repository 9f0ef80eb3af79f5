import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { activeStaffCounts } from './activeStaffCounts';
import { addStoreStaff } from './addStoreStaff';
import { createStore } from './createStore';
import { deactivateStoreStaff } from './deactivateStoreStaff';
import { listStoresForMembers } from './listStoresForMembers';
import { listStoresForOps } from './listStoresForOps';
import { listStoreStaff } from './listStoreStaff';
import { presentStoreForOps } from './presentStoreForOps';
import { presentStoreStaff } from './presentStoreStaff';
import { updateStore } from './updateStore';
import type { Store } from '../writeoff/Store.model';

type StoresRoutes = 'stores.list' | 'ops.stores.list' | 'ops.stores.create' | 'ops.stores.update' | 'ops.storeStaff.list' | 'ops.storeStaff.add' | 'ops.storeStaff.deactivate';

async function presentStore(store: Store) {
  const counts = await activeStaffCounts([store._id]);
  return presentStoreForOps(store, counts.get(store._id.toHexString()) ?? 0);
}

async function presentOneStaff(allowance: Parameters<typeof presentStoreStaff>[0][number]) {
  const [view] = await presentStoreStaff([allowance]);
  if (!view) throw new Error('presentStoreStaff lost a record');
  return view;
}

export const storesHandlers: Pick<RouteHandlers, StoresRoutes> = {
  'stores.list': async (input, { deps }) => ({ stores: await listStoresForMembers(input.near, deps.now()) }),
  'ops.stores.list': async (input, { operator }) => {
    const { items, total } = await listStoresForOps(input, operator);
    const counts = await activeStaffCounts(items.map((store) => store._id));
    return { items: items.map((store) => presentStoreForOps(store, counts.get(store._id.toHexString()) ?? 0)), total, page: input.page, pageSize: input.pageSize };
  },
  'ops.stores.create': async (input, context) => presentStore(await createStore(input, auditOf(context))),
  'ops.stores.update': async (input, context) => presentStore(await updateStore(input, auditOf(context))),
  'ops.storeStaff.list': async (input, { operator }) => {
    const { items, total } = await listStoreStaff(input, operator);
    return { items: await presentStoreStaff(items), total, page: input.page, pageSize: input.pageSize };
  },
  'ops.storeStaff.add': async (input, context) => presentOneStaff(await addStoreStaff(input, context.operator, auditOf(context))),
  'ops.storeStaff.deactivate': async (input, context) => presentOneStaff(await deactivateStoreStaff(input, context.operator, auditOf(context))),
};
