import { type Order, type RouteInput } from '@cakeday/shared';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { payOrder } from './paymentFlow';
import { useAction, type Action } from './useAction';
import { usePagedList, type PagedList } from './usePagedList';
import { useQrToken, type QrTokenState } from './useQrToken';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type OrderFilter = NonNullable<RouteInput<'orders.list'>['filter']>;

export function useOrders(filter: OrderFilter): PagedList<Order> {
  return usePagedList<Order>(
    (cursor) => call('orders.list', { filter, ...(cursor ? { cursor } : {}), limit: 20 }),
    filter,
  );
}

export interface OrderState extends RemoteData<{ order: Order }> {
  cancel: Action<[], void>;
  pay: Action<[], void>;
  refund: Action<[], void>;
}

/** One order, with what the member may do to it: pay an unpaid one again, cancel it, or ask for a refund. */
export function useOrder(orderId: string): OrderState {
  const remote = useRemoteData(() => call('orders.get', { orderId }));
  const cancel = useAction(async () => {
    await call('orders.cancel', { orderId });
    showSuccessToast('订单已取消');
    await remote.reload();
  });
  const pay = useAction(async () => {
    const { order, payment } = await call('orders.pay', { orderId });
    const settled = await payOrder(order, payment);
    if (settled.status === 'fulfilled') showSuccessToast('支付成功');
    await remote.reload();
  });
  const refund = useAction(async () => {
    await call('orders.refund', { orderId });
    showSuccessToast('退款申请已提交');
    await remote.reload();
  });
  return { ...remote, cancel, pay, refund };
}

/** The pickup order's write-off QR, renewed every minute while shown. */
export function useOrderQr(orderId: string, active: boolean, onGone?: () => void): QrTokenState {
  return useQrToken(() => call('orders.qr', { orderId }), active, onGone);
}
