import { useState } from 'react';
import { formatFen, isPickupKind, type MemberStore } from '@cakeday/shared';
import Taro, { getCurrentInstance } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../components/CardSkeleton';
import { ItemCover } from '../../components/ItemCover';
import { PickupStorePicker } from '../../components/PickupStorePicker';
import { RemoteView } from '../../components/RemoteView';
import { QuantityStepper } from '../../components/QuantityStepper';
import { useCheckout } from '../../hooks/useCheckout';
import { useCheckoutCoupons } from '../../hooks/useCheckoutCoupons';
import { useMallItem, type MallItemView } from '../../hooks/useMall';
import { useAddItemWish } from '../../hooks/useWishlist';
import { checkoutPreview, type CheckoutPreview } from './checkout';
import { CouponPicker } from './CouponPicker';
import './index.scss';

function go(url: string): void {
  void Taro.navigateTo({ url });
}

/** What stands between the member and this item, with the way there: points to earn, or the tier to reach. */
function CheckoutHint({ preview }: { preview: CheckoutPreview }): JSX.Element | null {
  if (preview.unlockTier) {
    return (
      <View className='mall-item__hint'>
        <Text>升级到{preview.unlockTier.name}即可兑换</Text>
        <Text className='mall-item__hint-link' onClick={() => go('/pages/rules/tiers/index')}>
          查看等级权益 ›
        </Text>
      </View>
    );
  }
  if (preview.pointsShort !== null) {
    return (
      <View className='mall-item__hint'>
        <Text>还差 {preview.pointsShort} 积分，消费、生日月和邀请好友都能赚积分</Text>
        <Text className='mall-item__hint-link' onClick={() => go('/pages/rules/index')}>
          怎么赚积分 ›
        </Text>
      </View>
    );
  }
  return null;
}

function ItemDetail({ view }: { view: MallItemView }): JSX.Element {
  const { item } = view;
  const [qty, setQty] = useState(1);
  const [confirming, setConfirming] = useState(false);
  const [store, setStore] = useState<MemberStore | null>(null);
  const checkout = useCheckout(item.id);
  const addWish = useAddItemWish();
  const coupons = useCheckoutCoupons(item.id, qty, view.viewer !== null && item.cashFen > 0);
  const [couponId, setCouponId] = useState<string | null>(null);
  const chosen = coupons.find((option) => option.coupon.id === couponId && option.blocker === null) ?? null;
  const pickup = isPickupKind(item.kind);
  const preview = checkoutPreview(view, qty, chosen?.discountFen ?? 0, pickup ? { pickupStoreId: store?.id ?? null } : {});

  return (
    <View className='mall-item'>
      <ItemCover src={item.imageUrl} kind={item.kind} title={item.title} size='large' />
      <View className='mall-item__card'>
        <View className='mall-item__tags'>
          <Text className='mall-item__tag'>{item.kindLabel}</Text>
          {item.tierBadge ? <Text className='mall-item__tag mall-item__tag--tier'>{item.tierBadge}</Text> : null}
        </View>
        <Text className='mall-item__title'>{item.title}</Text>
        <Text className='mall-item__subtitle'>{item.subtitle}</Text>
        <Text className='mall-item__price'>{item.priceText}</Text>
        <Text className='mall-item__meta'>
          {item.soldOut ? '已兑完' : `剩余 ${item.stock} 件`} · {item.limit.text}
        </Text>
        {item.cashFen > 0 ? (
          <Text className='mall-item__wish' onClick={() => void addWish.run(item.id)}>
            ♡ 加入生日心愿清单
          </Text>
        ) : null}
      </View>

      {item.coupon ? (
        <View className='mall-item__card mall-item__coupon'>
          <Text className='mall-item__coupon-value'>{item.coupon.valueText}</Text>
          <View className='mall-item__coupon-body'>
            <Text className='mall-item__coupon-title'>{item.coupon.title}</Text>
            <Text className='mall-item__coupon-condition'>
              {item.coupon.conditionText} · 领取后 {item.coupon.validDays} 天内有效
            </Text>
          </View>
        </View>
      ) : null}

      <CouponPicker coupons={coupons} selectedId={chosen?.coupon.id ?? null} onSelect={setCouponId} />

      <View className='mall-item__card'>
        <Text className='mall-item__section'>商品说明</Text>
        <Text className='mall-item__text'>{item.description}</Text>
        <Text className='mall-item__section'>兑换方式</Text>
        <Text className='mall-item__text'>{item.fulfilmentText}</Text>
        <Text className='mall-item__section'>兑换规则</Text>
        {item.rules.map((rule) => (
          <Text key={rule} className='mall-item__rule'>
            · {rule}
          </Text>
        ))}
      </View>

      {pickup ? (
        <View className='mall-item__card'>
          <PickupStorePicker selectedId={store?.id ?? null} onSelect={setStore} />
        </View>
      ) : null}

      <View className='mall-item__bar'>
        <View className='mall-item__bar-row'>
          <Text>数量</Text>
          <QuantityStepper value={qty} min={1} max={preview.maxQty} label='兑换数量' disabled={preview.blocker !== null} onChange={setQty} />
        </View>
        <View className='mall-item__bar-row'>
          <Text className='mall-item__total'>合计 {preview.totalText}</Text>
          {preview.balanceAfter !== null ? <Text className='mall-item__after'>兑换后剩余积分 {preview.balanceAfter}</Text> : null}
        </View>
        <CheckoutHint preview={preview} />
        <Button
          block
          type='primary'
          disabled={preview.blocker !== null}
          loading={checkout.pending}
          onClick={() => setConfirming(true)}
        >
          {preview.blocker ?? (preview.cashTotalFen > 0 ? '立即兑换并支付' : '立即兑换')}
        </Button>
      </View>

      <Dialog
        visible={confirming}
        title='确认兑换'
        content={`${item.title} × ${qty}，共 ${preview.totalText}${chosen ? `（${chosen.coupon.title}已减 ${formatFen(chosen.discountFen)}）` : ''}${store && pickup ? `，到 ${store.name} 自提` : ''}${preview.cashTotalFen > 0 ? '，现金部分通过微信支付' : ''}`}
        confirmText='确定'
        cancelText='再想想'
        onConfirm={() => {
          setConfirming(false);
          void checkout.run(qty, { couponId: chosen?.coupon.id ?? null, storeId: pickup ? (store?.id ?? null) : null });
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>
  );
}

export function MallItemPage(): JSX.Element {
  const itemId = getCurrentInstance().router?.params.id ?? '';
  const view = useMallItem(itemId);
  return (
    <RemoteView remote={view} skeleton={<CardSkeleton cards={3} />}>
      {(data) => <ItemDetail view={data} />}
    </RemoteView>
  );
}

export default MallItemPage;
