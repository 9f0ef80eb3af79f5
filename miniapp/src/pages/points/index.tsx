import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../components/CardSkeleton';
import { EmptyView, ErrorView } from '../../components/StateViews';
import { SubscribeCard } from '../../components/SubscribeCard';
import { usePointsHistory } from '../../hooks/usePointsHistory';
import { PointsEntryRow } from './PointsEntryRow';
import { useMessageOpened } from '../../hooks/useMessageOpened';
import './index.scss';

export function PointsPage(): JSX.Element {
  useMessageOpened();
  const history = usePointsHistory();
  useReachBottom(() => {
    if (history.hasMore) void history.loadMore();
  });

  if (history.loading && history.items.length === 0) return <CardSkeleton cards={3} />;
  if (history.error && history.items.length === 0) {
    return <ErrorView message={history.error.message} onRetry={() => void history.reload()} />;
  }

  return (
    <View className='points'>
      <View className='points__summary'>
        <Text className='points__summary-label'>当前积分</Text>
        <Text className='points__summary-balance'>{history.balance ?? 0}</Text>
        <View className='points__rules' role='link' onClick={() => void Taro.navigateTo({ url: '/pages/rules/index' })}>
          积分规则 ›
        </View>
      </View>
      <SubscribeCard template='benefitExpiring' moment='points_page' text='积分快到期时在微信里提醒你' action='积分到期提醒' />
      {history.items.length === 0 ? (
        <EmptyView
          title='还没有积分记录'
          description='消费、参与活动都可以获得积分'
          action={{ text: '看看积分怎么得', onClick: () => void Taro.navigateTo({ url: '/pages/rules/index' }) }}
        />
      ) : (
        <View className='points__list'>
          {history.items.map((entry) => (
            <PointsEntryRow key={entry.id} entry={entry} />
          ))}
        </View>
      )}
      {history.hasMore ? (
        <View className='points__more'>
          <Button fill='none' loading={history.loadingMore} onClick={() => void history.loadMore()}>
            加载更多
          </Button>
        </View>
      ) : history.items.length > 0 ? (
        <Text className='points__end'>没有更多了</Text>
      ) : null}
    </View>
  );
}

export default PointsPage;
