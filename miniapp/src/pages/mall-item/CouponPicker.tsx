import { formatFen } from '@cakeday/shared';
import { Text, View } from '@tarojs/components';
import { type CheckoutCoupon } from '../../hooks/useCheckoutCoupons';

interface CouponPickerProps {
  coupons: CheckoutCoupon[];
  selectedId: string | null;
  onSelect(couponId: string | null): void;
}

/**
 * 优惠券 at checkout: the coupons usable on this order (tap to use, tap again to not), then those that are not,
 * greyed with the reason. A coupon takes money off the cash part only; the points stay as they are.
 */
export function CouponPicker({ coupons, selectedId, onSelect }: CouponPickerProps): JSX.Element | null {
  if (coupons.length === 0) return null;
  return (
    <View className='mall-item__card mall-item__coupons'>
      <Text className='mall-item__section'>优惠券（抵扣现金部分）</Text>
      {coupons.map(({ coupon, discountFen, blocker }) => {
        const selected = coupon.id === selectedId;
        return (
          <View
            key={coupon.id}
            className={`mall-item__coupon-option${selected ? ' mall-item__coupon-option--selected' : ''}${blocker ? ' mall-item__coupon-option--blocked' : ''}`}
            onClick={() => {
              if (!blocker) onSelect(selected ? null : coupon.id);
            }}
          >
            <Text className='mall-item__coupon-option-title'>
              {coupon.title} · {coupon.valueText}
            </Text>
            <Text className='mall-item__coupon-option-note'>{blocker ? blocker.message : `${selected ? '已选，' : ''}可减 ${formatFen(discountFen)}`}</Text>
          </View>
        );
      })}
    </View>
  );
}
