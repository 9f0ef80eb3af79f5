import { type GeoPoint, type MemberStore } from '@cakeday/shared';
import { useRef, useState } from 'react';
import { call } from '../api/client';
import { currentPosition } from '../platform/storeActions';
import { useAction, type Action } from './useAction';
import { useRemoteData, type RemoteData } from './useRemoteData';

export interface StoresState extends RemoteData<{ stores: MemberStore[] }> {
  /** Asks where the member is (only when they tap) and orders the stores nearest first. */
  sortByDistance: Action<[], void>;
  /** null until asked; false when the member declined or the position is unavailable. */
  located: boolean | null;
}

/**
 * 门店: the open stores (stores.list, public), nearest first once the member shares where they are. A component
 * shown under data its page loaded first (the pickup store picker) passes `loadOnMount`: its page's didShow is over.
 */
export function useStores(options: { loadOnMount?: boolean } = {}): StoresState {
  const near = useRef<GeoPoint | null>(null);
  const [located, setLocated] = useState<boolean | null>(null);
  const remote = useRemoteData(() => call('stores.list', near.current ? { near: near.current } : {}), options);
  const sortByDistance = useAction(async () => {
    const position = await currentPosition();
    setLocated(position !== null);
    if (!position) return;
    near.current = position;
    await remote.reload();
  });
  return { ...remote, sortByDistance, located };
}
