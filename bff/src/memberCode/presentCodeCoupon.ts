import { couponConditionText, couponRestrictionTexts, couponValueText, toBusinessIso, type PresentedCoupon } from '@cakeday/shared';
import type { Coupon } from '../coupons/Coupon.model';

/** A coupon as the member-code page and the till show it. */
export function presentCodeCoupon(coupon: Coupon): PresentedCoupon {
  return {
    id: coupon._id.toHexString(),
    title: coupon.title,
    valueText: couponValueText(coupon),
    conditionText: couponConditionText(coupon),
    restrictions: couponRestrictionTexts(coupon),
    validUntil: toBusinessIso(coupon.validUntil),
  };
}
