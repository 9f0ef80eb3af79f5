import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../../test/taroStandIn';
import { buildOrder, buildWish } from '../../../../test/fixtures';
import { answerRoutes, callsTo, ok } from '../../../../test/routes';
import { setSessionProvider } from '../../../api/client';
import { pendingShareArrival } from '../../../auth/shareArrival';
import { FriendWishlistPage } from './index';

const cake = buildWish({
  id: 'wish-cake',
  kind: 'item',
  text: null,
  item: { itemId: 'a00000000000000000000009', title: '生日蛋糕尺寸升级', imageUrl: null, priceFen: 6800, priceText: '¥68', onSale: true },
  giftable: true,
});
const view = (wishes = [cake]): { statusCode: number; data: unknown } =>
  ok({
    owner: { nickname: '小蛋糕', avatarUrl: null },
    birthday: { month: 6, day: 15 },
    daysUntilBirthday: 5,
    wishes,
    viewer: { loggedIn: false, isOwner: false },
    referralCode: 'ABCD2345',
  });

describe('FriendWishlistPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    taroStandIn.params = { sid: 'wAbCdEfGhIjKl', ref: 'ABCD2345' };
    setSessionProvider({ token: () => null, renew: async () => 'token' });
  });

  it('shows the friend, the birthday without a year, and remembers the share for the first login', async () => {
    answerRoutes({ 'wishlist.view': view() });

    render(<FriendWishlistPage />);

    expect(await screen.findByText('小蛋糕 的生日心愿')).toBeTruthy();
    expect(screen.getByText('生日：6月15日 · 还有 5 天')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\d{4}年/);
    expect(callsTo('wishlist.view')[0]?.data).toEqual({ shareId: 'wAbCdEfGhIjKl' });
    expect(pendingShareArrival()).toEqual({ shareId: 'wAbCdEfGhIjKl', referralCode: 'ABCD2345' });
  });

  it('gifts an item: pays its price, thanks the friend with a receipt, then shows the wish fulfilled', async () => {
    const fulfilled = { ...cake, fulfilled: true, giftable: false };
    answerRoutes({
      'wishlist.view': [view(), view([fulfilled])],
      'wishlist.gift': ok({
        orderId: 'b00000000000000000000007',
        amountFen: 6800,
        payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx777', signType: 'RSA', paySign: 's' },
      }),
      'sandbox:/pay/orders/wx777/pay': ok({ ok: true }),
      'orders.confirmPayment': ok({
        order: buildOrder({ id: 'b00000000000000000000007', orderNo: 'CD20260610000007', status: 'fulfilled', priceText: '¥68', paidAt: '2026-06-10T12:30:00+08:00' }),
      }),
    });

    render(<FriendWishlistPage />);
    const button = await screen.findByText('送TA这个');
    await act(async () => {
      button.click();
    });
    expect(screen.getByText('送出「生日蛋糕尺寸升级」，需支付 ¥68。礼物将直接发给 小蛋糕。')).toBeTruthy();
    await act(async () => {
      screen.getByText('去支付').click();
    });

    expect(await screen.findByText('谢谢你的心意！')).toBeTruthy();
    expect(screen.getByText(/已送到 小蛋糕 的账户/)).toBeTruthy();
    expect(screen.getByText('订单号：CD20260610000007')).toBeTruthy();
    expect(screen.getByText('实付：¥68')).toBeTruthy();
    expect(screen.getByText('支付时间：2026-06-10 12:30')).toBeTruthy();
    await act(async () => {
      screen.getByText('我也要一张心愿清单').click();
    });
    expect(taroStandIn.navigations).toContain('/pages/wishlist/index');
    await act(async () => {
      screen.getByText('返回TA的心愿清单').click();
    });

    expect(await screen.findByText('🎁 心愿已实现')).toBeTruthy();
    const [gift] = callsTo('wishlist.gift');
    expect(gift?.data).toMatchObject({ shareId: 'wAbCdEfGhIjKl', wishId: 'wish-cake' });
    expect(callsTo('sandbox:/pay/orders/wx777/pay')).toHaveLength(1);
    expect(taroStandIn.toasts).toContain('礼物已送出');
    expect(screen.queryByText('送TA这个')).toBeNull();
  });

  it('treats a link without a share id as not found: an explanation with a way on, not a retry', async () => {
    taroStandIn.params = {};
    answerRoutes({});

    render(<FriendWishlistPage />);

    expect(await screen.findByText('这个分享已经失效了')).toBeTruthy();
    expect(screen.getByText('去首页')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
    expect(taroStandIn.requests).toHaveLength(0);
  });
});
