import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { ApiError } from '../api/apiError';

export interface RemoteData<T> {
  data: T | null;
  /** True until the first answer, and again while reloading. */
  loading: boolean;
  error: ApiError | null;
  reload(): Promise<void>;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL', 0);
}

/**
 * Loads data each time the page is shown, so that changes made on another page (a birthday set, a phone
 * bound) appear on return; with `loadOnMount`, also when mounted after the page was shown. A late answer from an older load never overwrites a newer one.
 */
export function useRemoteData<T>(load: () => Promise<T>, options: { loadOnMount?: boolean } = {}): RemoteData<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const attempt = ++latest.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (attempt !== latest.current) return;
      setData(value);
      setError(null);
    } catch (caught) {
      if (attempt !== latest.current) return;
      setError(asApiError(caught));
    } finally {
      if (attempt === latest.current) setLoading(false);
    }
  }, []);

  useDidShow(() => {
    void reload();
  });

  // A component mounted after its page was shown (under data the page loaded) gets no didShow until the next show.
  const { loadOnMount = false } = options;
  useEffect(() => {
    if (loadOnMount && latest.current === 0) void reload();
    // Once, on mount: later loads come with the page's didShow.
  }, [loadOnMount, reload]);

  return { data, loading, error, reload };
}
