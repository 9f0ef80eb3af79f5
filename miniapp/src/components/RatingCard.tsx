import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { type RatedSubject } from '@cakeday/shared';
import { useRating } from '../hooks/useSatisfaction';
import './RatingCard.scss';

const STATE_NOTE = { reviewing: '（评语审核中）', hidden: '（评语未公开）' } as const;

/**
 * Under a fulfilled order or a write-off: 去评价 while the member has not rated it (the rating page), then the
 * stars and comment they gave. Loaded again each time the page shows, so the rating appears on return.
 */
export function RatingCard({ subject, prompt }: { subject: { type: RatedSubject; id: string }; prompt: string }): JSX.Element | null {
  // Shown under an order the page loaded first: it mounts after the page's didShow.
  const { state } = useRating(subject, { loadOnMount: true });
  const data = state.data;
  if (!data) return null;
  if (data.rating) {
    const note = data.rating.commentState === 'reviewing' || data.rating.commentState === 'hidden' ? STATE_NOTE[data.rating.commentState] : '';
    return (
      <View className='rating-card'>
        <View className='rating-card__row'>
          <Text className='rating-card__label'>我的评价</Text>
          <Text className='rating-card__stars' aria-label={`${data.rating.stars} 星`}>
            {'★'.repeat(data.rating.stars)}
            {'☆'.repeat(5 - data.rating.stars)}
          </Text>
        </View>
        {data.rating.comment ? (
          <Text className='rating-card__comment'>
            {data.rating.comment}
            {note}
          </Text>
        ) : null}
      </View>
    );
  }
  if (!data.canRate) return null;
  return (
    <View className='rating-card rating-card__row' onClick={() => void Taro.navigateTo({ url: `/pages/satisfaction/rate/index?type=${subject.type}&id=${subject.id}` })}>
      <Text className='rating-card__label'>{prompt}</Text>
      <Text className='rating-card__link'>去评价 ›</Text>
    </View>
  );
}
