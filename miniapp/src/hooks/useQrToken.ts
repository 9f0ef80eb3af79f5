import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { type QrToken } from '@cakeday/shared';
import { ApiError } from '../api/apiError';

export interface QrTokenState<T extends QrToken = QrToken> {
  token: T | null;
  error: ApiError | null;
  refresh(): Promise<void>;
}

const FALLBACK_REFRESH_SECONDS = 60;

/**
 * A write-off token that renews itself (every `refreshAfterSeconds`, about a minute), so that a screenshot of
 * the QR stops working. Renewal pauses while the page is hidden and when `active` is false. `onGone` is told when
 * the subject can no longer show a code (409: written off, expired), so the page shows its new state, not an error.
 */
export function useQrToken<T extends QrToken = QrToken>(load: () => Promise<T>, active: boolean, onGone?: () => void): QrTokenState<T> {
  const [token, setToken] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [visible, setVisible] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const goneRef = useRef(onGone);
  goneRef.current = onGone;
  const latest = useRef(0);

  /** Loads a token; resolves to the seconds until the next renewal. */
  const fetchToken = useCallback(async (): Promise<number> => {
    const attempt = ++latest.current;
    try {
      const next = await loadRef.current();
      if (attempt === latest.current) {
        setToken(next);
        setError(null);
      }
      return next.refreshAfterSeconds;
    } catch (caught) {
      if (attempt === latest.current) {
        const failure = caught instanceof ApiError ? caught : new ApiError('INTERNAL', 0);
        setToken(null);
        setError(failure);
        // 409: the coupon or order can no longer show a code (written off at a store meanwhile): the page refreshes.
        if (failure.status === 409) goneRef.current?.();
      }
      return FALLBACK_REFRESH_SECONDS;
    }
  }, []);

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  useEffect(() => {
    if (!active || !visible) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async (): Promise<void> => {
      const seconds = await fetchToken();
      if (!stopped) timer = setTimeout(() => void tick(), Math.max(5, seconds) * 1000);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      latest.current += 1; // an answer arriving after this is stale
    };
  }, [active, visible, fetchToken]);

  const refresh = useCallback(async () => {
    await fetchToken();
  }, [fetchToken]);

  return { token: active ? token : null, error, refresh };
}
