import { useEffect, useState } from 'react';
import { type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';

export type CheckoutCoupon = RouteResponse<'mall.checkoutCoupons'>['items'][number];

/**
 * The member's coupons for `qty` units of an item with a cash part: what each takes off, or why it cannot be used
 * (the BFF's one rule). Empty while loading, for a points-only item and without a session. A late answer for an
 * older quantity never overwrites a newer one.
 */
export function useCheckoutCoupons(itemId: string, qty: number, enabled: boolean): CheckoutCoupon[] {
  const [items, setItems] = useState<CheckoutCoupon[]>([]);
  useEffect(() => {
    if (!enabled) {
      setItems([]);
      return undefined;
    }
    let current = true;
    call('mall.checkoutCoupons', { itemId, qty }).then(
      (answer) => {
        if (current) setItems(answer.items);
      },
      () => {
        if (current) setItems([]);
      },
    );
    return () => {
      current = false;
    };
  }, [itemId, qty, enabled]);
  return items;
}
