import { useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../components/CardSkeleton';
import { FilterChips, type FilterChip } from '../../components/FilterChips';
import { OrderCard } from '../../components/OrderCard';
import { EmptyView, ErrorView } from '../../components/StateViews';
import { orderPageUrl } from '../../hooks/useCheckout';
import { useOrders, type OrderFilter } from '../../hooks/useOrders';
import './index.scss';

const filters: ReadonlyArray<FilterChip<OrderFilter>> = [
  { key: 'all', label: '全部' },
  { key: 'awaiting_payment', label: '待支付' },
  { key: 'fulfilled', label: '已完成' },
  { key: 'closed', label: '已取消/退款' },
];

export function OrdersPage(): JSX.Element {
  const [filter, setFilter] = useState<OrderFilter>('all');
  const orders = useOrders(filter);
  useReachBottom(() => {
    if (orders.hasMore) void orders.loadMore();
  });

  return (
    <View className='orders'>
      <FilterChips chips={filters} selected={filter} onSelect={setFilter} />
      {orders.loading && orders.items.length === 0 ? (
        <CardSkeleton cards={3} />
      ) : orders.error && orders.items.length === 0 ? (
        <ErrorView message={orders.error.message} onRetry={() => void orders.reload()} />
      ) : orders.items.length === 0 ? (
        <EmptyView
          title='还没有订单'
          description='积分可以兑换好礼'
          action={{ text: '去积分商城看看', onClick: () => void Taro.switchTab({ url: '/pages/mall/index' }) }}
        />
      ) : (
        orders.items.map((order) => (
          <OrderCard key={order.id} order={order} onOpen={() => void Taro.navigateTo({ url: orderPageUrl(order.id) })} />
        ))
      )}
      {orders.hasMore ? (
        <View className='orders__more'>
          <Button fill='none' loading={orders.loadingMore} onClick={() => void orders.loadMore()}>
            加载更多
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default OrdersPage;
