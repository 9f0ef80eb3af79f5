import { useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { type Coupon } from '@cakeday/shared';
import { CardSkeleton } from '../../components/CardSkeleton';
import { CouponCard } from '../../components/CouponCard';
import { FilterChips, type FilterChip } from '../../components/FilterChips';
import { QrPanel } from '../../components/QrPanel';
import { ServiceHelp } from '../../components/ServiceHelp';
import { showSuccessToast } from '../../components/feedback';
import { EmptyView, ErrorView } from '../../components/StateViews';
import { useCouponQr, useCoupons, type CouponTab } from '../../hooks/useCoupons';
import { useMessageOpened } from '../../hooks/useMessageOpened';
import './index.scss';

function CouponQr({ coupon, onClose }: { coupon: Coupon | null; onClose(): void }): JSX.Element {
  // Written off at a store while shown: close the code and reload the list (the coupon moves to 已使用).
  const qr = useCouponQr(coupon?.id ?? null, () => {
    showSuccessToast('券已使用');
    onClose();
  });
  return (
    <Popup visible={coupon !== null} position='bottom' round closeable onClose={onClose}>
      <View className='coupons__qr'>
        <Text className='coupons__qr-title'>{coupon?.title}</Text>
        <Text className='coupons__qr-value'>
          {coupon?.valueText} · {coupon?.conditionText}
        </Text>
        <QrPanel token={qr.token} error={qr.error} hint='请向店员出示此码' onRetry={() => void qr.refresh()} />
      </View>
    </Popup>
  );
}

export function CouponsPage(): JSX.Element {
  useMessageOpened();
  const [tab, setTab] = useState<CouponTab>('available');
  const [showing, setShowing] = useState<Coupon | null>(null);
  const coupons = useCoupons(tab);
  useReachBottom(() => {
    if (coupons.hasMore) void coupons.loadMore();
  });
  const tabs: ReadonlyArray<FilterChip<CouponTab>> = [
    { key: 'available', label: coupons.availableCount === null ? '可使用' : `可使用（${coupons.availableCount}）` },
    { key: 'history', label: '已使用/已过期' },
  ];

  return (
    <View className='coupons'>
      <FilterChips chips={tabs} selected={tab} onSelect={setTab} />
      {coupons.loading && coupons.items.length === 0 ? (
        <CardSkeleton cards={3} />
      ) : coupons.error && coupons.items.length === 0 ? (
        <ErrorView message={coupons.error.message} onRetry={() => void coupons.reload()} />
      ) : coupons.items.length === 0 ? (
        <EmptyView
          title={tab === 'available' ? '暂无可用优惠券' : '还没有历史优惠券'}
          description='积分兑换、生日礼和好友助力都可以获得优惠券'
          action={{ text: '去积分商城看看', onClick: () => void Taro.switchTab({ url: '/pages/mall/index' }) }}
        />
      ) : (
        coupons.items.map((coupon) => <CouponCard key={coupon.id} coupon={coupon} onShowQr={() => setShowing(coupon)} />)
      )}
      {coupons.hasMore ? (
        <View className='coupons__more'>
          <Button fill='none' loading={coupons.loadingMore} onClick={() => void coupons.loadMore()}>
            加载更多
          </Button>
        </View>
      ) : null}
      <ServiceHelp />
      <CouponQr
        coupon={showing}
        onClose={() => {
          setShowing(null);
          void coupons.reload(); // it may have just been written off
        }}
      />
    </View>
  );
}

export default CouponsPage;
