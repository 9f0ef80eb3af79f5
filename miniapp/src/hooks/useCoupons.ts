import { useState } from 'react';
import { type Coupon, type CouponsListResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { usePagedList, type PagedList } from './usePagedList';
import { useQrToken, type QrTokenState } from './useQrToken';

export type CouponTab = 'available' | 'history';

export interface Coupons extends PagedList<Coupon> {
  availableCount: number | null;
}

export function useCoupons(tab: CouponTab): Coupons {
  const [availableCount, setAvailableCount] = useState<number | null>(null);
  const list = usePagedList<Coupon, CouponsListResponse>(
    (cursor) => call('coupons.list', { status: tab, ...(cursor ? { cursor } : {}), limit: 20 }),
    tab,
    (page) => setAvailableCount(page.availableCount),
  );
  return { ...list, availableCount };
}

/** A coupon's write-off QR, renewed every minute while shown. */
export function useCouponQr(couponId: string | null, onGone?: () => void): QrTokenState {
  return useQrToken(() => call('coupons.qr', { couponId: couponId ?? '' }), couponId !== null, onGone);
}
