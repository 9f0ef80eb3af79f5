import { couponConditionText, couponRestrictionTexts, couponSourceLabels, couponStatusLabels, couponValueText, toBusinessIso, type Coupon as CouponView } from '@cakeday/shared';
import type { Coupon } from './Coupon.model';

export function presentCoupon(coupon: Coupon, now: Date): CouponView {
  return {
    id: coupon._id.toHexString(),
    templateCode: coupon.templateCode,
    title: coupon.title,
    description: coupon.description,
    type: coupon.type,
    valueText: couponValueText(coupon),
    conditionText: couponConditionText(coupon),
    restrictionTexts: couponRestrictionTexts(coupon),
    amountOffFen: coupon.amountOffFen,
    percentOff: coupon.percentOff,
    minSpendFen: coupon.minSpendFen,
    status: coupon.status,
    statusLabel: couponStatusLabels[coupon.status],
    source: coupon.source,
    sourceLabel: couponSourceLabels[coupon.source],
    validFrom: toBusinessIso(coupon.validFrom),
    validUntil: toBusinessIso(coupon.validUntil),
    usedAt: coupon.usedAt ? toBusinessIso(coupon.usedAt) : null,
    usedStoreName: coupon.usedStoreName,
    canShowQr: coupon.status === 'available' && coupon.validFrom <= now && now < coupon.validUntil,
  };
}
