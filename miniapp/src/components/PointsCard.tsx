import { Text, View } from '@tarojs/components';
import { type PointsSummary } from '@cakeday/shared';
import { formatBusinessDate } from '../format/dates';
import './PointsCard.scss';

interface PointsCardProps {
  points: PointsSummary;
  onOpenHistory(): void;
}

export function PointsCard({ points, onOpenHistory }: PointsCardProps): JSX.Element {
  const { expiringSoon } = points;
  return (
    <View className='points-card' onClick={onOpenHistory}>
      <View className='points-card__main'>
        <Text className='points-card__label'>我的积分</Text>
        <Text className='points-card__balance'>{points.balance}</Text>
      </View>
      {expiringSoon.points > 0 && expiringSoon.firstExpiresAt ? (
        <Text className='points-card__expiring'>
          {expiringSoon.points} 积分将在 30 天内过期（最早 {formatBusinessDate(expiringSoon.firstExpiresAt)}）
        </Text>
      ) : (
        <Text className='points-card__hint'>30 天内没有即将过期的积分</Text>
      )}
      <Text className='points-card__link'>积分明细 ›</Text>
    </View>
  );
}
