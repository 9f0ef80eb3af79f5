import { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatFen } from '@cakeday/shared';
import { CardSkeleton } from '../../components/CardSkeleton';
import { EmptyView, ErrorView } from '../../components/StateViews';
import { formatBusinessDateTime } from '../../format/dates';
import { usePurchases } from '../../hooks/usePurchases';
import './index.scss';

/** 消费记录: purchases at the stores' tills and in the online shop, with the points each earned and its refunds. */
export function PurchasesPage(): JSX.Element {
  const purchases = usePurchases();
  useReachBottom(() => {
    if (purchases.hasMore) void purchases.loadMore();
  });
  if (purchases.loading && purchases.items.length === 0) return <CardSkeleton cards={3} />;
  if (purchases.error && purchases.items.length === 0) return <ErrorView message={purchases.error.message} onRetry={() => void purchases.reload()} />;
  return (
    <View className='purchases'>
      {purchases.items.length === 0 ? (
        <EmptyView title='还没有消费记录' description='到店结账或在线上商城购物时出示会员码，消费即得积分' />
      ) : (
        purchases.items.map((purchase) => (
          <View key={purchase.id} className='purchases__card'>
            <View className='purchases__head'>
              <Text className='purchases__where'>{purchase.where}</Text>
              <Text className='purchases__status'>{purchase.statusLabel}</Text>
            </View>
            <Text className='purchases__lines'>{purchase.lines.map((line) => `${line.name} ×${line.qty}`).join('、')}</Text>
            <View className='purchases__foot'>
              <Text className='purchases__time'>{formatBusinessDateTime(purchase.purchasedAt)}</Text>
              <View className='purchases__amounts'>
                {purchase.discountFen > 0 ? <Text className='purchases__discount'>优惠 {formatFen(purchase.discountFen)}</Text> : null}
                <Text className='purchases__paid'>实付 {formatFen(purchase.paidFen)}</Text>
              </View>
            </View>
            <Text className='purchases__points'>
              +{purchase.pointsEarned} 积分
              {purchase.couponsUsed > 0 ? ` · 用券 ${purchase.couponsUsed} 张` : ''}
              {purchase.refundedFen > 0 ? ` · 已退 ${formatFen(purchase.refundedFen)}` : ''}
            </Text>
          </View>
        ))
      )}
      {purchases.hasMore ? (
        <View className='purchases__more'>
          <Button fill='none' loading={purchases.loadingMore} onClick={() => void purchases.loadMore()}>
            加载更多
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default PurchasesPage;
