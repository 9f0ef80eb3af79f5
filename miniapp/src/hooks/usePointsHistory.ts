import { useState } from 'react';
import { type PointsEntry, type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { usePagedList, type PagedList } from './usePagedList';

const PAGE_SIZE = 20;

export interface PointsHistory extends PagedList<PointsEntry> {
  balance: number | null;
}

const loadPointsPage = (cursor: string | null): Promise<RouteResponse<'points.history'>> =>
  call('points.history', cursor ? { cursor, limit: PAGE_SIZE } : { limit: PAGE_SIZE });

/** The points ledger, newest first, one page of 20 at a time (cursor pagination), with the balance it was read at. */
export function usePointsHistory(): PointsHistory {
  const [balance, setBalance] = useState<number | null>(null);
  const list = usePagedList<PointsEntry, RouteResponse<'points.history'>>(loadPointsPage, '', (page) => setBalance(page.balance));
  return { ...list, balance };
}
