import { useCallback, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { type PointsEntry } from '@cakeday/shared';
import { ApiError } from '../api/apiError';
import { call } from '../api/client';

const PAGE_SIZE = 20;

export interface PointsHistory {
  balance: number | null;
  items: PointsEntry[];
  /** True while the first page is loading. */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: ApiError | null;
  loadMore(): Promise<void>;
  reload(): Promise<void>;
}

/** The points ledger, newest first, one page of 20 at a time (cursor pagination). */
export function usePointsHistory(): PointsHistory {
  const [balance, setBalance] = useState<number | null>(null);
  const [items, setItems] = useState<PointsEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = useRef(false);

  const fetchPage = useCallback(async (after: string | null) => {
    if (busy.current) return;
    busy.current = true;
    if (after) setLoadingMore(true);
    else setLoading(true);
    try {
      const page = await call('points.history', after ? { cursor: after, limit: PAGE_SIZE } : { limit: PAGE_SIZE });
      setBalance(page.balance);
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', 0));
    } finally {
      busy.current = false;
      setLoading(false);
      setLoadingMore(false);
    }
  }, []);

  const reload = useCallback(() => fetchPage(null), [fetchPage]);
  const loadMore = useCallback(async () => {
    if (cursor) await fetchPage(cursor);
  }, [cursor, fetchPage]);

  useDidShow(() => {
    void reload();
  });

  return { balance, items, loading, loadingMore, hasMore: cursor !== null, error, loadMore, reload };
}
