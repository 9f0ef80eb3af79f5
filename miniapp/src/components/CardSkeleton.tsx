import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import './CardSkeleton.scss';

interface CardSkeletonProps {
  cards: number;
}

/** Grey placeholders shaped like the cards that are loading. */
export function CardSkeleton({ cards }: CardSkeletonProps): JSX.Element {
  return (
    <View className='card-skeleton' aria-busy='true' aria-label='加载中'>
      {Array.from({ length: cards }, (_, index) => (
        <View className='card-skeleton__card' key={index}>
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  );
}
