import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../components/CardSkeleton';
import { FilterChips, type FilterChip } from '../../components/FilterChips';
import { PostCard } from '../../components/PostCard';
import { EmptyView, ErrorView } from '../../components/StateViews';
import { useCommunityFeed, useCommunityTopics, type FeedSort } from '../../hooks/useCommunity';
import './index.scss';

const SORTS: ReadonlyArray<FilterChip<FeedSort>> = [
  { key: 'latest', label: '最新' },
  { key: 'hot', label: '热门' },
];
const ALL_TOPICS = 'all';

export function CommunityPage(): JSX.Element {
  const [sort, setSort] = useState<FeedSort>('latest');
  const [topic, setTopic] = useState<string>(ALL_TOPICS);
  const topics = useCommunityTopics();
  const feed = useCommunityFeed(sort, topic === ALL_TOPICS ? null : topic);
  usePullDownRefresh(() => {
    void Promise.all([feed.reload(), topics.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (feed.hasMore) void feed.loadMore();
  });
  const topicChips: FilterChip<string>[] = [{ key: ALL_TOPICS, label: '全部' }, ...(topics.data?.topics ?? []).map((item) => ({ key: item.code, label: `#${item.name}#` }))];

  return (
    <View className='community'>
      <FilterChips chips={SORTS} selected={sort} onSelect={setSort} />
      {topicChips.length > 1 ? <FilterChips chips={topicChips} selected={topic} onSelect={setTopic} /> : null}
      {feed.loading && feed.items.length === 0 ? (
        <CardSkeleton cards={2} />
      ) : feed.error && feed.items.length === 0 ? (
        <ErrorView message={feed.error.message} onRetry={() => void feed.reload()} />
      ) : feed.items.length === 0 ? (
        <EmptyView title='还没有人发帖' description='来做第一个分享生日故事的人吧' />
      ) : (
        feed.items.map((post) => <PostCard key={post.id} post={post} onOpen={() => void Taro.navigateTo({ url: `/pages/community-post/index?id=${post.id}` })} />)
      )}
      {feed.hasMore ? (
        <View className='community__more'>
          <Button fill='none' loading={feed.loadingMore} onClick={() => void feed.loadMore()}>
            加载更多
          </Button>
        </View>
      ) : null}
      <Text
        className='community__compose'
        onClick={() => void Taro.navigateTo({ url: `/pages/community-post/compose/index${topic === ALL_TOPICS ? '' : `?topic=${topic}`}` })}
      >
        发帖
      </Text>
    </View>
  );
}

export default CommunityPage;
