import { type Purchase, type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { usePagedList, type PagedList } from './usePagedList';

const loadPurchasesPage = (cursor: string | null): Promise<RouteResponse<'purchases.list'>> =>
  call('purchases.list', cursor ? { cursor, limit: 20 } : { limit: 20 });

/** The member's store and online-shop purchases, newest first. */
export function usePurchases(): PagedList<Purchase> {
  return usePagedList<Purchase, RouteResponse<'purchases.list'>>(loadPurchasesPage);
}
