import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../components/CardSkeleton';
import { FilterChips } from '../../components/FilterChips';
import { MallItemCard } from '../../components/MallItemCard';
import { EmptyView, ErrorView } from '../../components/StateViews';
import { useMallList } from '../../hooks/useMall';
import { kindChips, sectionChips, type KindFilter } from './kinds';
import { type MallSection } from '@cakeday/shared';
import './index.scss';

function open(url: string): void {
  void Taro.navigateTo({ url });
}

export function MallPage(): JSX.Element {
  const [section, setSection] = useState<MallSection>('points');
  const [kind, setKind] = useState<KindFilter>('all');
  const list = useMallList(section === 'points' && kind !== 'all' ? kind : null, section);
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  return (
    <View className='mall'>
      <View className='mall__header'>
        <View className='mall__balance'>
          <Text className='mall__balance-label'>我的积分</Text>
          <Text className='mall__balance-value'>{list.viewer ? list.viewer.balance : '--'}</Text>
        </View>
        <View className='mall__links'>
          <Text className='mall__link' onClick={() => open('/pages/orders/index')}>
            我的订单
          </Text>
          <Text className='mall__link' onClick={() => open('/pages/coupons/index')}>
            我的券
          </Text>
          <Text className='mall__link' onClick={() => open('/pages/rules/index')}>
            规则
          </Text>
        </View>
      </View>
      <FilterChips chips={sectionChips} selected={section} onSelect={setSection} />
      {section === 'points' ? (
        <FilterChips chips={kindChips} selected={kind} onSelect={setKind} />
      ) : (
        <View className='mall__gifts-intro'>
          <Text>送礼：用微信支付购买，不用积分。加入你的生日心愿清单，好友就能送给你；打开好友分享的心愿清单，就能送给TA。</Text>
          <Text className='mall__gifts-link' onClick={() => open('/pages/wishlist/index')}>
            我的心愿清单 ›
          </Text>
        </View>
      )}
      {list.loading && list.items.length === 0 ? (
        <CardSkeleton cards={2} />
      ) : list.error && list.items.length === 0 ? (
        <ErrorView message={list.error.message} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyView title='这里暂时没有商品' description={section === 'gifts' ? '晚些再来看看新的礼物' : '看看其他分类，或晚些再来'} />
      ) : (
        <View className='mall__grid'>
          {list.items.map((item) => (
            <MallItemCard key={item.id} item={item} onOpen={() => open(`/pages/mall-item/index?id=${item.id}`)} />
          ))}
        </View>
      )}
      {list.hasMore ? (
        <View className='mall__more'>
          <Button fill='none' loading={list.loadingMore} onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default MallPage;
