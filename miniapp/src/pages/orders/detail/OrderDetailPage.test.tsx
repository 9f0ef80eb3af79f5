import { act, render, screen, waitFor } from '@testing-library/react';
import { taroStandIn } from '../../../../test/taroStandIn';
import { buildOrder, buildSubscriptions, payment } from '../../../../test/fixtures';
import { answerRoutes, callsTo, ok, popupAnswers, refusal, routeOf, shownToken } from '../../../../test/routes';
import { setSessionProvider } from '../../../api/client';
import { OrderDetailPage } from './index';

const orderId = 'b00000000000000000000001';
let issued = 0;
const qrToken = (): { statusCode: number; data: unknown } => {
  issued += 1;
  return ok({ token: `pickup-token-${issued}`, numericCode: `81234567890${issued % 10}`, expiresAt: '2026-06-10T02:01:00Z', refreshAfterSeconds: 60 });
};

describe('OrderDetailPage', () => {
  beforeEach(() => {
    issued = 0;
    taroStandIn.reset();
    taroStandIn.params = { id: orderId };
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  afterEach(() => jest.useRealTimers());

  it('names the pickup store, its address, hours and phone, and the deadline in words beside the code', async () => {
    const pickup = {
      store: { id: 'c00000000000000000000009', name: '南京西路店', address: '南京西路 1 号', phone: '021-12345678', openingHours: { opens: '08:00', closes: '21:00' } },
      deadline: '2026-12-03T21:00:00+08:00',
      deadlineText: '请于 12月3日 21:00 前到 南京西路店 自提',
    };
    answerRoutes({ 'orders.get': ok({ order: buildOrder({ pickup }) }), 'orders.qr': qrToken });

    render(<OrderDetailPage />);

    expect(await screen.findByLabelText('核销二维码')).toBeTruthy();
    expect(screen.getByText('南京西路店')).toBeTruthy();
    expect(screen.getByText('南京西路 1 号')).toBeTruthy();
    expect(screen.getByText('08:00–21:00')).toBeTruthy();
    expect(screen.getAllByText('请于 12月3日 21:00 前到 南京西路店 自提')).toHaveLength(2); // under the code and in the facts
    expect(screen.queryByText(/任一门店营业时间内出示核销码/)).toBeNull();
    const opened = jest.spyOn(window, 'open').mockImplementation(() => null);
    await act(async () => {
      screen.getByLabelText('拨打 南京西路店 电话 021-12345678').click();
    });
    expect(opened).toHaveBeenCalledWith('tel:02112345678', '_self');
    opened.mockRestore();
  });

  it('shows the pickup QR and replaces its token every minute, so a screenshot stops working', async () => {
    jest.useFakeTimers();
    answerRoutes({ 'orders.get': ok({ order: buildOrder() }), 'orders.qr': qrToken });

    render(<OrderDetailPage />);

    expect(await screen.findByLabelText('核销二维码')).toBeTruthy();
    await waitFor(() => expect(shownToken()).toBe('pickup-token-1'));
    expect(screen.getByText('兑换成功')).toBeTruthy();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(60_000);
    });
    await waitFor(() => expect(shownToken()).toBe('pickup-token-2'));
    expect(callsTo('orders.qr').map((request) => request.data)).toEqual([{ orderId }, { orderId }]);
  });

  it('written off at a store while the page shows it: the code request is refused and the page turns to 已核销', async () => {
    const used = buildOrder({
      statusLabel: '已核销',
      fulfilment: { type: 'pickup', usedAt: '2026-06-10T02:00:30Z', storeName: '人民广场店' },
      actions: { canPay: false, canCancel: false, canRefund: false, canShowQr: false },
    });
    // The page loaded the order before the store wrote it off; its QR request comes after.
    answerRoutes({ 'orders.get': [ok({ order: buildOrder() }), ok({ order: used })], 'orders.qr': refusal(409, 'ORDER_NO_QR') });

    render(<OrderDetailPage />);

    expect(await screen.findByText('2026-06-10 10:00 · 人民广场店')).toBeTruthy();
    expect(screen.queryByLabelText('核销二维码')).toBeNull();
    expect(screen.queryByText('server text')).toBeNull();
  });

  it('a pickup order says where it can be collected, with the numeric code and the way to help', async () => {
    answerRoutes({ 'orders.get': ok({ order: buildOrder() }), 'orders.qr': qrToken });

    render(<OrderDetailPage />);

    expect(await screen.findByText('任一门店营业时间内出示核销码 · 查看门店、地址与营业时间 ›')).toBeTruthy();
    expect((await screen.findByLabelText('数字码')).textContent).toBe('8123 4567 8901');
    expect(screen.getByText('遇到问题？')).toBeTruthy();
    await act(async () => {
      screen.getByText('任一门店营业时间内出示核销码 · 查看门店、地址与营业时间 ›').click();
    });
    await act(async () => {
      screen.getByText('常见问题 ›').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/stores/index', '/pages/service/faq/index']);
  });

  it('cancels an unpaid order only after confirmation and shows it cancelled', async () => {
    const unpaid = buildOrder({
      status: 'awaiting_payment',
      statusLabel: '待支付',
      statusTone: 'warning',
      paymentDeadline: '2026-06-10T02:15:00Z',
      fulfilment: null,
      actions: { canPay: true, canCancel: true, canRefund: false, canShowQr: false },
    });
    const cancelled = buildOrder({
      status: 'cancelled',
      statusLabel: '已取消',
      statusTone: 'muted',
      cancelReason: 'member',
      cancelReasonText: '你已取消订单',
      fulfilment: null,
      actions: { canPay: false, canCancel: false, canRefund: false, canShowQr: false },
    });
    answerRoutes({ 'orders.get': [ok({ order: unpaid }), ok({ order: cancelled })], 'orders.cancel': ok({ order: cancelled }) });

    render(<OrderDetailPage />);

    expect(await screen.findByText('待支付')).toBeTruthy();
    expect(screen.getByText(/请在 2026-06-10 10:15 前完成支付/)).toBeTruthy();
    await act(async () => {
      screen.getByText('取消订单').click();
    });
    expect(callsTo('orders.cancel')).toHaveLength(0);
    await act(async () => {
      screen.getByText('确定取消').click();
    });

    expect(await screen.findByText('你已取消订单')).toBeTruthy();
    expect(callsTo('orders.cancel')[0]?.data).toEqual({ orderId });
    expect(callsTo('orders.qr')).toHaveLength(0);
    expect(screen.queryByText('去支付')).toBeNull();
  });

  it('pays an unpaid order again and shows it paid', async () => {
    const unpaid = buildOrder({
      status: 'awaiting_payment',
      statusLabel: '待支付',
      fulfilment: null,
      actions: { canPay: true, canCancel: true, canRefund: false, canShowQr: false },
    });
    answerRoutes({
      'orders.get': [ok({ order: unpaid }), ok({ order: buildOrder({ statusLabel: '兑换成功' }) })],
      'orders.pay': ok({ order: unpaid, payment }),
      'sandbox:/pay/orders/wx123/pay': ok({ ok: true }),
      'orders.confirmPayment': ok({ order: buildOrder() }),
      'orders.qr': qrToken,
    });

    render(<OrderDetailPage />);
    await screen.findByText('待支付');
    await act(async () => {
      screen.getByText('去支付').click();
    });

    expect(await screen.findByText('兑换成功')).toBeTruthy();
    expect(taroStandIn.toasts).toContain('支付成功');
  });

  it.each([
    ['accepts', true, 'accept'],
    ['refuses', false, 'reject'],
  ])('offers 订单状态通知 on a paid order and asks only from the tap; when the member %s nothing else changes', async (_answer, confirm, result) => {
    answerRoutes({
      'orders.get': ok({ order: buildOrder() }),
      'orders.qr': qrToken,
      'subscriptions.mine': ok(buildSubscriptions()),
      'sandbox:/subscription-popups': ok({ ok: true }),
      'subscriptions.record': ok(buildSubscriptions()),
    });
    taroStandIn.answerModal = async () => ({ confirm });

    render(<OrderDetailPage />);
    await screen.findByText('接收订单通知');
    expect(taroStandIn.modals).toEqual([]);
    const before = taroStandIn.requests.map(routeOf).filter((route) => route.startsWith('orders.'));
    await act(async () => {
      screen.getByText('接收订单通知').click();
    });

    await waitFor(() => expect(callsTo('subscriptions.record')).toHaveLength(1));
    expect(taroStandIn.modals.map((modal) => modal.content)).toEqual([expect.stringContaining('订单状态通知')]);
    expect(popupAnswers()).toEqual([{ template: 'tmpl-orderStatus', result }]);
    expect(callsTo('subscriptions.record')[0]?.data).toEqual({ moment: 'order_paid', choices: [{ template: 'orderStatus', result }] });
    expect(taroStandIn.requests.map(routeOf).filter((route) => route.startsWith('orders.'))).toEqual(before);
    expect(screen.getByText('兑换成功')).toBeTruthy();
    expect(taroStandIn.toasts).toEqual([]);
  });

  it('asks before refunding an unused order, then shows it refunded', async () => {
    const paid = buildOrder({ cashTotalFen: 990, fulfilment: null, actions: { canPay: false, canCancel: false, canRefund: true, canShowQr: false } });
    const refunded = buildOrder({ status: 'refunded', statusLabel: '已退款', statusTone: 'muted', fulfilment: null, refundedAt: '2026-06-11T02:00:00Z', actions: { canPay: false, canCancel: false, canRefund: false, canShowQr: false } });
    answerRoutes({ 'orders.get': [ok({ order: paid }), ok({ order: refunded })], 'orders.refund': ok({ order: refunded }) });

    render(<OrderDetailPage />);
    const [refundButton] = await screen.findAllByText('申请退款');
    await act(async () => {
      refundButton?.click();
    });
    expect(callsTo('orders.refund')).toHaveLength(0);
    await act(async () => {
      screen.getByText('确定退款').click();
    });

    expect(await screen.findByText('已退款')).toBeTruthy();
    expect(callsTo('orders.refund')[0]?.data).toEqual({ orderId });
    expect(taroStandIn.toasts).toContain('退款申请已提交');
  });

  describe('评价 a fulfilled order', () => {
    const collected = buildOrder({
      statusLabel: '已核销',
      fulfilment: { type: 'pickup', usedAt: '2026-06-10T02:00:30Z', storeName: '人民广场店' },
      actions: { canPay: false, canCancel: false, canRefund: false, canShowQr: false },
    });
    const subject = { type: 'order', id: orderId };

    it('links a written-off order the member has not rated to the rating page', async () => {
      answerRoutes({ 'orders.get': ok({ order: collected }), 'satisfaction.ratingOf': ok({ rating: null, canRate: true }) });

      render(<OrderDetailPage />);

      (await screen.findByText('去评价 ›')).click();
      expect(screen.getByText('这单满意吗？')).toBeTruthy();
      expect(callsTo('satisfaction.ratingOf').map((request) => request.data)).toEqual([{ subject }]);
      expect(taroStandIn.navigations).toEqual([`/pages/satisfaction/rate/index?type=order&id=${orderId}`]);
    });

    it('shows the rating once given, and no link', async () => {
      const rating = { subject, stars: 4, comment: '蛋糕很新鲜', commentState: 'published', createdAt: '2026-06-10T12:00:00+08:00' };
      answerRoutes({ 'orders.get': ok({ order: collected }), 'satisfaction.ratingOf': ok({ rating, canRate: false }) });

      render(<OrderDetailPage />);

      expect(await screen.findByText('我的评价')).toBeTruthy();
      expect(screen.getByLabelText('4 星').textContent).toBe('★★★★☆');
      expect(screen.getByText('蛋糕很新鲜')).toBeTruthy();
      expect(screen.queryByText('去评价 ›')).toBeNull();
    });

    it('asks nothing before a pickup order is collected', async () => {
      answerRoutes({ 'orders.get': ok({ order: buildOrder() }), 'orders.qr': qrToken, 'satisfaction.ratingOf': ok({ rating: null, canRate: true }) });

      render(<OrderDetailPage />);

      expect(await screen.findByLabelText('核销二维码')).toBeTruthy();
      expect(screen.queryByText('去评价 ›')).toBeNull();
      expect(callsTo('satisfaction.ratingOf')).toEqual([]);
    });
  });
});
