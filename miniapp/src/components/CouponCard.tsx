import { Text, View } from '@tarojs/components';
import { couponDeadlineText, type Coupon } from '@cakeday/shared';
import { formatBusinessDate, formatBusinessDateTime } from '../format/dates';
import './CouponCard.scss';

interface CouponCardProps {
  coupon: Coupon;
  onShowQr(): void;
  /** The moment the deadline is read against (the page's render time; tests pin it). */
  now?: Date;
}

function validity(coupon: Coupon, now: Date): string {
  if (coupon.status === 'used' && coupon.usedAt) {
    return `${formatBusinessDateTime(coupon.usedAt)} 已使用${coupon.usedStoreName ? ` · ${coupon.usedStoreName}` : ''}`;
  }
  if (coupon.status === 'available') return couponDeadlineText(new Date(coupon.validUntil), now);
  return `${formatBusinessDate(coupon.validFrom)} 至 ${formatBusinessDate(coupon.validUntil)}`;
}

/** A coupon as a ticket: value, condition, where it came from, and its QR button while usable. */
export function CouponCard({ coupon, onShowQr, now = new Date() }: CouponCardProps): JSX.Element {
  const usable = coupon.status === 'available';
  return (
    <View className={`coupon-card${usable ? '' : ' coupon-card--spent'}`}>
      <View className='coupon-card__value'>
        <Text className='coupon-card__amount'>{coupon.valueText}</Text>
        <Text className='coupon-card__condition'>{coupon.conditionText}</Text>
      </View>
      <View className='coupon-card__body'>
        <Text className='coupon-card__title'>{coupon.title}</Text>
        <Text className='coupon-card__source'>{coupon.sourceLabel}</Text>
        {coupon.restrictionTexts.length > 0 ? <Text className='coupon-card__restrictions'>{coupon.restrictionTexts.join(' · ')}</Text> : null}
        <Text className='coupon-card__validity'>{validity(coupon, now)}</Text>
      </View>
      {coupon.canShowQr ? (
        <Text className='coupon-card__use' onClick={onShowQr}>
          出示券码
        </Text>
      ) : (
        <Text className='coupon-card__state'>{coupon.statusLabel}</Text>
      )}
    </View>
  );
}
