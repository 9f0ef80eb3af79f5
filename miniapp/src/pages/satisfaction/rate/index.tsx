import { getCurrentInstance } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { RATED_SUBJECTS, type RatedSubject } from '@cakeday/shared';
import { CardSkeleton } from '../../../components/CardSkeleton';
import { showSuccessToast } from '../../../components/feedback';
import { RemoteView } from '../../../components/RemoteView';
import { SatisfactionForm } from '../../../components/SatisfactionForm';
import { useRating } from '../../../hooks/useSatisfaction';
import '../index.scss';

const STARS = [1, 2, 3, 4, 5] as const;

/** 评价: stars and a comment on a fulfilled order or a write-off (`?type=order&id=…`), once. */
export function RatePage(): JSX.Element {
  const params = getCurrentInstance().router?.params ?? {};
  const type: RatedSubject = (RATED_SUBJECTS as readonly string[]).includes(params.type ?? '') ? (params.type as RatedSubject) : 'order';
  const { state, submit } = useRating({ type, id: params.id ?? '' });
  return (
    <View className='satisfaction'>
      <RemoteView remote={state} skeleton={<CardSkeleton cards={1} />}>
        {(data) =>
          data.rating ? (
            <View className='satisfaction__done'>
              <Text className='satisfaction__title'>感谢你的评价</Text>
              <Text className='satisfaction__stars'>{'★'.repeat(data.rating.stars)}</Text>
              {data.rating.comment ? <Text className='satisfaction__comment'>{data.rating.comment}</Text> : null}
            </View>
          ) : data.canRate ? (
            <SatisfactionForm
              choices={STARS}
              choiceLabel={() => '★'}
              hint='轻触星星评分'
              pending={submit.pending}
              onSubmit={(stars, comment) => void submit.run(stars, comment).then((rated) => rated && showSuccessToast('感谢你的评价'))}
            />
          ) : (
            <Text className='satisfaction__title'>订单完成后才能评价</Text>
          )
        }
      </RemoteView>
    </View>
  );
}

export default RatePage;
