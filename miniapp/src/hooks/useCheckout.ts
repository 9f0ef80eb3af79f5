import { useRef } from 'react';
import Taro from '@tarojs/taro';
import { type Order } from '@cakeday/shared';
import { ApiError } from '../api/apiError';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { newIdempotencyKey } from './idempotencyKey';
import { payOrder } from './paymentFlow';
import { useAction, type Action } from './useAction';

export function orderPageUrl(orderId: string): string {
  return `/pages/orders/detail/index?id=${orderId}`;
}

/** What the member chose besides the quantity: a coupon off the cash part, the store to collect a pickup item at. */
export interface CheckoutChoice {
  couponId: string | null;
  storeId: string | null;
}

/** A refusal the BFF decided on (sold out, limit, tier…): the next tap is a new attempt with a new key. */
function isDefinite(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/**
 * Redeems `qty` of an item (with the chosen coupon off the cash part, collected at `storeId` for a pickup item):
 * points only, or points + cash through the pay sheet; then opens the order. A retry after a lost answer reuses the
 * attempt's idempotency key, so it never orders twice.
 */
export function useCheckout(itemId: string): Action<[qty: number, choice: CheckoutChoice], Order> {
  const key = useRef(newIdempotencyKey());
  return useAction(async (qty: number, { couponId, storeId }: CheckoutChoice) => {
    let redeemed;
    try {
      redeemed = await call('mall.redeem', { itemId, qty, idempotencyKey: key.current, ...(couponId ? { couponId } : {}), ...(storeId ? { storeId } : {}) });
    } catch (error) {
      if (isDefinite(error)) key.current = newIdempotencyKey();
      throw error;
    }
    key.current = newIdempotencyKey();
    const order = redeemed.payment ? await payOrder(redeemed.order, redeemed.payment) : redeemed.order;
    if (order.status === 'fulfilled') showSuccessToast('兑换成功');
    await Taro.navigateTo({ url: orderPageUrl(order.id) });
    return order;
  });
}
