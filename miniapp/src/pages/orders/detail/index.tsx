import { useState } from 'react';
import { getCurrentInstance } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { ORDER_PAYMENT_WINDOW_MINUTES, type Order } from '@cakeday/shared';
import { CardSkeleton } from '../../../components/CardSkeleton';
import { ItemCover } from '../../../components/ItemCover';
import { QrPanel } from '../../../components/QrPanel';
import { RatingCard } from '../../../components/RatingCard';
import { RemoteView } from '../../../components/RemoteView';
import { ServiceHelp } from '../../../components/ServiceHelp';
import { SubscribeCard } from '../../../components/SubscribeCard';
import { formatBusinessDateTime } from '../../../format/dates';
import { useOrder, useOrderQr, type OrderState } from '../../../hooks/useOrders';
import { OrderFacts } from './OrderFacts';
import './index.scss';

function OrderView({ order, state }: { order: Order; state: OrderState }): JSX.Element {
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [confirmingRefund, setConfirmingRefund] = useState(false);
  // Written off at a store while shown: the page reloads and shows it 已核销 with the store.
  const qr = useOrderQr(order.id, order.actions.canShowQr, () => void state.reload());

  return (
    <View className='order-detail'>
      <View className={`order-detail__status order-detail__status--${order.statusTone}`}>
        <Text className='order-detail__status-label'>{order.statusLabel}</Text>
        {order.status === 'awaiting_payment' && order.paymentDeadline ? (
          <Text className='order-detail__status-note'>
            请在 {formatBusinessDateTime(order.paymentDeadline)} 前完成支付，{ORDER_PAYMENT_WINDOW_MINUTES} 分钟未支付将自动取消
          </Text>
        ) : null}
        {order.cancelReasonText ? <Text className='order-detail__status-note'>{order.cancelReasonText}</Text> : null}
      </View>

      {order.actions.canShowQr ? (
        <View className='order-detail__card'>
          <QrPanel token={qr.token} error={qr.error} hint='到店出示此码，店员扫码核销' onRetry={() => void qr.refresh()} />
          {order.pickup ? <Text className='order-detail__fact-label'>{order.pickup.deadlineText}</Text> : null}
        </View>
      ) : null}

      {order.status === 'paid' || order.status === 'fulfilled' ? (
        <SubscribeCard template='orderStatus' moment='order_paid' text='备货、可取货时在微信里通知你' action='接收订单通知' />
      ) : null}

      <View className='order-detail__card order-detail__item'>
        <View className='order-detail__cover'>
          <ItemCover src={order.item.coverImage} kind={order.item.kind} title={order.item.title} size='small' />
        </View>
        <View className='order-detail__item-body'>
          <Text className='order-detail__title'>{order.item.title}</Text>
          <Text className='order-detail__qty'>× {order.qty}</Text>
          <Text className='order-detail__price'>{order.priceText}</Text>
        </View>
      </View>

      <OrderFacts order={order} />

      {order.status === 'fulfilled' && (order.fulfilment?.type !== 'pickup' || order.fulfilment.usedAt) ? <RatingCard subject={{ type: 'order', id: order.id }} prompt='这单满意吗？' /> : null}

      {order.actions.canPay || order.actions.canCancel || order.actions.canRefund ? (
        <View className='order-detail__actions'>
          {order.actions.canRefund ? (
            <Button fill='outline' loading={state.refund.pending} onClick={() => setConfirmingRefund(true)}>
              申请退款
            </Button>
          ) : null}
          {order.actions.canCancel ? (
            <Button fill='outline' loading={state.cancel.pending} onClick={() => setConfirmingCancel(true)}>
              取消订单
            </Button>
          ) : null}
          {order.actions.canPay ? (
            <Button type='primary' loading={state.pay.pending} onClick={() => void state.pay.run()}>
              去支付
            </Button>
          ) : null}
        </View>
      ) : null}

      <ServiceHelp />

      <Dialog
        visible={confirmingCancel}
        title='取消订单'
        content='取消后积分将退回你的账户，商品库存释放。确定取消吗？'
        confirmText='确定取消'
        cancelText='再想想'
        onConfirm={() => {
          setConfirmingCancel(false);
          void state.cancel.run();
        }}
        onCancel={() => setConfirmingCancel(false)}
      />
      <Dialog
        visible={confirmingRefund}
        title='申请退款'
        content='退款后，支付的金额原路退回，使用的积分退回账户，本单获得的积分将扣回。确定申请吗？'
        confirmText='确定退款'
        cancelText='再想想'
        onConfirm={() => {
          setConfirmingRefund(false);
          void state.refund.run();
        }}
        onCancel={() => setConfirmingRefund(false)}
      />
    </View>
  );
}

export function OrderDetailPage(): JSX.Element {
  const orderId = getCurrentInstance().router?.params.id ?? '';
  const state = useOrder(orderId);
  return (
    <RemoteView remote={state} skeleton={<CardSkeleton cards={3} />}>
      {({ order }) => <OrderView order={order} state={state} />}
    </RemoteView>
  );
}

export default OrderDetailPage;
