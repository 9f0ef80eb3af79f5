import { Text, View } from '@tarojs/components';
import { Progress } from '@nutui/nutui-react-taro';
import { type TierSummary } from '@cakeday/shared';
import { formatYuan } from '../format/money';
import './TierCard.scss';

interface TierCardProps {
  tier: TierSummary;
  /** Opens the tier benefits page (普卡 / 金卡 / 钻石卡 compared). */
  onOpenBenefits(): void;
}

/** Share of the way to the next tier, 0-100. */
export function tierPercent(tier: TierSummary): number {
  if (!tier.next || tier.next.thresholdFen <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((tier.rollingSpendFen / tier.next.thresholdFen) * 100)));
}

export function TierCard({ tier, onOpenBenefits }: TierCardProps): JSX.Element {
  return (
    <View className={`tier-card tier-card--${tier.level}`} role='link' onClick={onOpenBenefits}>
      <View className='tier-card__header'>
        <Text className='tier-card__name'>{tier.name}会员</Text>
        <Text className='tier-card__spend'>近 12 个月消费 ¥{formatYuan(tier.rollingSpendFen)}</Text>
      </View>
      <Progress className='tier-card__progress' percent={tierPercent(tier)} color='#ffffff' background='rgba(255,255,255,0.35)' strokeWidth='6' />
      <Text className='tier-card__next'>
        {tier.next
          ? `再消费 ¥${formatYuan(tier.next.remainingFen)} 升级为${tier.next.name}`
          : '你已是最高等级，尊享全部会员权益'}
      </Text>
      <View className='tier-card__footer'>
        <Text className='tier-card__review'>等级将于 {tier.reviewOn} 复核</Text>
        <Text className='tier-card__benefits'>等级权益 ›</Text>
      </View>
    </View>
  );
}
