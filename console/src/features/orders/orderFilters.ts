import { ORDER_STATUSES, type OpsOrderFilters } from '@cakeday/shared';
import { filterValue } from '../../components/serverTable';
import { businessDayRange } from '../../format/businessTime';

export interface OrderSearch {
  current?: number;
  pageSize?: number;
  orderNo?: unknown;
  buyerMemberId?: unknown;
  status?: unknown;
  createdAt?: unknown;
  flaggedOnly?: unknown;
}

/** The search form's values as the route's filters; the dates are business days. */
export function orderFilters(search: OrderSearch, queueOnly: boolean): OpsOrderFilters {
  const created = businessDayRange(search.createdAt);
  const filters = {
    orderNo: filterValue(search.orderNo),
    memberId: filterValue(search.buyerMemberId),
    status: ORDER_STATUSES.find((status) => status === search.status),
    createdFrom: created.from,
    createdTo: created.to,
  };
  return {
    ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)),
    flaggedOnly: queueOnly || search.flaggedOnly === true || search.flaggedOnly === 'true',
  };
}
