import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { getPurchaseForOps } from './getPurchaseForOps';
import { listPurchases } from './listPurchases';
import { listPurchasesForOps } from './listPurchasesForOps';

export const purchasesHandlers: Pick<RouteHandlers, 'purchases.list' | 'ops.purchases.list' | 'ops.purchases.get'> = {
  'purchases.list': async (input, { principal }) => listPurchases(requireMember(principal).memberId, input),
  'ops.purchases.list': async (input, { operator }) => ({ ...(await listPurchasesForOps(input, operator)), page: input.page, pageSize: input.pageSize }),
  'ops.purchases.get': async (input, { operator }) => getPurchaseForOps(input.id, operator),
};
