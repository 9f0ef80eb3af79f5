import { type RouteInput, type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { useAction, type Action } from './useAction';
import { usePoster, type PosterState } from './usePoster';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type Wishlist = RouteResponse<'wishlist.mine'>;
export type WishView = Wishlist['wishes'][number];
export type NewWish = RouteInput<'wishlist.add'>;

export interface WishlistState extends RemoteData<Wishlist> {
  add: Action<[wish: NewWish], boolean>;
  remove: Action<[wishId: string], void>;
  /** Moves a wish one place up (-1) or down (+1). */
  move: Action<[wishId: string, step: -1 | 1], void>;
  setShared: Action<[shared: boolean], void>;
  poster: PosterState;
}

/** The new order of ids after moving one wish a place; unchanged at either end. */
export function movedIds(ids: readonly string[], wishId: string, step: -1 | 1): string[] {
  const from = ids.indexOf(wishId);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to] as string, next[from] as string];
  return next;
}

/** The member's own wishlist: every change answers with the whole list, which then reloads. */
export function useWishlist(): WishlistState {
  const remote = useRemoteData(() => call('wishlist.mine', {}));
  const add = useAction(async (wish: NewWish) => {
    await call('wishlist.add', wish);
    showSuccessToast('已加入心愿清单');
    await remote.reload();
    return true;
  });
  const remove = useAction(async (wishId: string) => {
    await call('wishlist.remove', { wishId });
    await remote.reload();
  });
  const move = useAction(async (wishId: string, step: -1 | 1) => {
    const ids = (remote.data?.wishes ?? []).map((wish) => wish.id);
    const wishIds = movedIds(ids, wishId, step);
    if (wishIds.every((id, index) => id === ids[index])) return;
    await call('wishlist.reorder', { wishIds });
    await remote.reload();
  });
  const setShared = useAction(async (shared: boolean) => {
    await call('wishlist.share', { shared });
    showSuccessToast(shared ? '已开启分享' : '已设为仅自己可见');
    await remote.reload();
  });
  const poster = usePoster(() => call('wishlist.poster', {}), 'cakeday-wishlist');
  return { ...remote, add, remove, move, setShared, poster };
}

/** 加入心愿清单 from a mall item's page. */
export function useAddItemWish(): Action<[itemId: string], void> {
  return useAction(async (itemId: string) => {
    await call('wishlist.add', { kind: 'item', itemId });
    showSuccessToast('已加入心愿清单');
  });
}
