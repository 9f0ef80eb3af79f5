import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatFen, type Order, type OrderPickup } from '@cakeday/shared';
import { formatBusinessDateTime } from '../../../format/dates';
import { callStore } from '../../../platform/storeActions';

function Fact({ label, value }: { label: string; value: string }): JSX.Element {
  return (
    <View className='order-detail__fact'>
      <Text className='order-detail__fact-label'>{label}</Text>
      <Text className='order-detail__fact-value'>{value}</Text>
    </View>
  );
}

/** The store the member chose: where, when it is open, how to call it, and until when the order waits there. */
function PickupFacts({ pickup }: { pickup: OrderPickup }): JSX.Element {
  const { store } = pickup;
  return (
    <>
      <Fact label='自提门店' value={store.name} />
      <Fact label='门店地址' value={store.address || '地址待补充'} />
      <Fact label='营业时间' value={store.openingHours ? `${store.openingHours.opens}–${store.openingHours.closes}` : '请致电门店咨询'} />
      {store.phone ? (
        <View className='order-detail__fact'>
          <Text className='order-detail__fact-label'>门店电话</Text>
          <Text className='order-detail__fact-link' onClick={() => void callStore(store.phone ?? '')} aria-label={`拨打 ${store.name} 电话 ${store.phone}`}>
            {store.phone}
          </Text>
        </View>
      ) : null}
      <Fact label='自提期限' value={pickup.deadlineText} />
    </>
  );
}

/** The order's number, times and how it was (or will be) delivered. */
export function OrderFacts({ order }: { order: Order }): JSX.Element {
  const { fulfilment } = order;
  return (
    <View className='order-detail__card'>
      <Fact label='订单号' value={order.orderNo} />
      <Fact label='下单时间' value={formatBusinessDateTime(order.createdAt)} />
      {order.paidAt ? <Fact label='支付时间' value={formatBusinessDateTime(order.paidAt)} /> : null}
      {order.fulfilledAt ? <Fact label='完成时间' value={formatBusinessDateTime(order.fulfilledAt)} /> : null}
      {order.cancelledAt ? <Fact label='取消时间' value={formatBusinessDateTime(order.cancelledAt)} /> : null}
      {order.refundedAt ? <Fact label='退款时间' value={formatBusinessDateTime(order.refundedAt)} /> : null}
      {order.coupon ? <Fact label='优惠券' value={`${order.coupon.title} -${formatFen(order.coupon.discountFen)}`} /> : null}
      {order.pointsEarned > 0 ? <Fact label='获得积分' value={`+${order.pointsEarned}`} /> : null}
      {fulfilment?.type === 'coupon' ? <Fact label='已发放' value={`${fulfilment.couponTitle}（在“我的券”查看）`} /> : null}
      {fulfilment?.type === 'donation' ? <Fact label='捐赠证书' value={fulfilment.certificateNo} /> : null}
      {fulfilment?.type === 'pickup' && fulfilment.usedAt ? (
        <Fact label='已核销' value={`${formatBusinessDateTime(fulfilment.usedAt)}${fulfilment.storeName ? ` · ${fulfilment.storeName}` : ''}`} />
      ) : null}
      {order.pickup && !(fulfilment?.type === 'pickup' && fulfilment.usedAt) ? <PickupFacts pickup={order.pickup} /> : null}
      {fulfilment?.type === 'pickup' && !fulfilment.usedAt && order.actions.canShowQr && !order.pickup ? (
        <View className='order-detail__fact'>
          <Text className='order-detail__fact-label'>自提门店</Text>
          <Text className='order-detail__fact-link' onClick={() => void Taro.navigateTo({ url: '/pages/stores/index' })}>
            任一门店营业时间内出示核销码 · 查看门店、地址与营业时间 ›
          </Text>
        </View>
      ) : null}
      {order.gift ? <Fact label='礼物' value={order.gift.received ? '好友送给你的生日礼物' : '你送给好友的礼物'} /> : null}
    </View>
  );
}
