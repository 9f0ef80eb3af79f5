import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { listPurchases } from './listPurchases';

export const purchasesHandlers: Pick<RouteHandlers, 'purchases.list'> = {
  'purchases.list': async (input, { principal }) => listPurchases(requireMember(principal).memberId, input),
};
