import { useRef, useState } from 'react';
import { type Order, type RouteResponse } from '@cakeday/shared';
import { ApiError } from '../api/apiError';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { requestPayment } from '../platform/requestPayment';
import { newIdempotencyKey } from './idempotencyKey';
import { waitForPayment } from './paymentFlow';
import { useAction, type Action } from './useAction';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type FriendWishlist = RouteResponse<'wishlist.view'>;

export interface FriendWishlistState extends RemoteData<FriendWishlist> {
  /** 送TA这个: the friend pays the item's price; the gift goes to the birthday member. */
  gift: Action<[wishId: string], void>;
  /** The friend's receipt after a paid gift (the thank-you screen); null until then and after closing it. */
  receipt: Order | null;
  closeReceipt(): void;
}

/** A shared wishlist as a friend sees it (no login needed to look; gifting logs in silently). */
export function useFriendWishlist(shareId: string | null): FriendWishlistState {
  // A link without a valid share id shows as “not found”, never as a validation failure.
  const remote = useRemoteData(() => (shareId ? call('wishlist.view', { shareId }) : Promise.reject(new ApiError('NOT_FOUND', 404))));
  // One key per wish per attempt: a retry after a lost answer returns the same order.
  const keys = useRef(new Map<string, string>());
  const [receipt, setReceipt] = useState<Order | null>(null);
  const gift = useAction(async (wishId: string) => {
    if (!shareId) return;
    const idempotencyKey = keys.current.get(wishId) ?? newIdempotencyKey();
    keys.current.set(wishId, idempotencyKey);
    let gifted;
    try {
      gifted = await call('wishlist.gift', { shareId, wishId, idempotencyKey });
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) keys.current.delete(wishId);
      throw error;
    }
    keys.current.delete(wishId);
    const outcome = gifted.payment ? await requestPayment(gifted.payment) : 'paid';
    if (outcome === 'paid') {
      // The money has moved: a slow confirmation is not a failure to show, the page reloads either way.
      const order = await waitForPayment(gifted.orderId).catch(() => null);
      showSuccessToast(order?.status === 'fulfilled' ? '礼物已送出' : '支付成功，礼物处理中');
      setReceipt(order ?? gifted.order);
    }
    await remote.reload();
  });
  return { ...remote, gift, receipt, closeReceipt: () => setReceipt(null) };
}
