import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { ApiError } from '../api/apiError';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  items: T[];
  /** True while the first page is loading. */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: ApiError | null;
  loadMore(): Promise<void>;
  reload(): Promise<void>;
}

/**
 * A cursor-paginated list, reloaded from the top each time the page shows. `key` names the query (a filter):
 * when it changes the list starts again, and a late page of the previous query is dropped.
 */
export function usePagedList<T, P extends Page<T> = Page<T>>(
  loadPage: (cursor: string | null) => Promise<P>,
  key = '',
  onPage?: (page: P) => void,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const onPageRef = useRef(onPage);
  onPageRef.current = onPage;
  const busyMore = useRef(false);

  const fetchPage = useCallback(async (after: string | null) => {
    const attempt = after ? generation.current : ++generation.current;
    if (after) {
      if (busyMore.current) return;
      busyMore.current = true;
      setLoadingMore(true);
    } else {
      setLoading(true);
    }
    try {
      const page = await loadRef.current(after);
      if (attempt !== generation.current) return;
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
      onPageRef.current?.(page);
    } catch (caught) {
      if (attempt === generation.current) setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', 0));
    } finally {
      if (after) {
        busyMore.current = false;
        setLoadingMore(false);
      } else if (attempt === generation.current) {
        setLoading(false);
      }
    }
  }, []);

  const reload = useCallback(() => fetchPage(null), [fetchPage]);
  const loadMore = useCallback(async () => {
    if (cursor) await fetchPage(cursor);
  }, [cursor, fetchPage]);

  useDidShow(() => {
    void reload();
  });
  // A new filter starts the list again (the first query is loaded by useDidShow above).
  const loadedKey = useRef(key);
  useEffect(() => {
    if (key === loadedKey.current) return;
    loadedKey.current = key;
    setItems([]);
    setCursor(null);
    void reload();
  }, [key, reload]);

  return { items, loading, loadingMore, hasMore: cursor !== null, error, loadMore, reload };
}
