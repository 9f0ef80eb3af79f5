import { getCurrentInstance } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CardSkeleton } from '../../../components/CardSkeleton';
import { showSuccessToast } from '../../../components/feedback';
import { RemoteView } from '../../../components/RemoteView';
import { SatisfactionForm } from '../../../components/SatisfactionForm';
import { useNps } from '../../../hooks/useSatisfaction';
import '../index.scss';

const SCORES = Array.from({ length: 11 }, (_, score) => score);

/** 推荐意愿 (NPS): the page a campaign's message links to (`?delivery=…` from its landing page); once a quarter. */
export function NpsPage(): JSX.Element {
  const delivery = getCurrentInstance().router?.params.delivery;
  const { state, submit } = useNps(delivery && /^[0-9a-f]{24}$/.test(delivery) ? delivery : undefined);
  return (
    <View className='satisfaction'>
      <Text className='satisfaction__title'>你有多大可能把我们推荐给朋友？</Text>
      <RemoteView remote={state} skeleton={<CardSkeleton cards={1} />}>
        {(data) =>
          data.answer ? (
            <View className='satisfaction__done'>
              <Text className='satisfaction__title'>感谢你的反馈</Text>
              <Text className='satisfaction__comment'>你打了 {data.answer.score} 分</Text>
            </View>
          ) : (
            <SatisfactionForm
              choices={SCORES}
              choiceLabel={(score) => String(score)}
              hint='0 表示完全不可能，10 表示非常愿意'
              pending={submit.pending}
              onSubmit={(score, comment) => void submit.run(score, comment).then((answered) => answered && showSuccessToast('感谢你的反馈'))}
            />
          )
        }
      </RemoteView>
    </View>
  );
}

export default NpsPage;
