import { useCallback, useRef, useState } from 'react';
import { showErrorToast } from '../components/feedback';

export interface Action<A extends unknown[], R> {
  /** Resolves with the result, or with undefined after showing the failure to the member. */
  run(...args: A): Promise<R | undefined>;
  pending: boolean;
}

/** A member-triggered change: one at a time, failures shown as a toast in Chinese. */
export function useAction<A extends unknown[], R>(perform: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const performRef = useRef(perform);
  performRef.current = perform;

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setPending(true);
    try {
      return await performRef.current(...args);
    } catch (error) {
      showErrorToast(error);
      return undefined;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);

  return { run, pending };
}
