import { act, render, screen, waitFor } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildCoupon } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok, refusal, shownToken } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { CouponsPage } from './index';

describe('CouponsPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('lists usable coupons, shows one as a QR on request, and switches to the history', async () => {
    const used = buildCoupon({
      id: 'c00000000000000000000002',
      title: '生日月9折券',
      status: 'used',
      statusLabel: '已使用',
      usedAt: '2026-06-12T04:00:00Z',
      usedStoreName: '静安寺店',
      canShowQr: false,
    });
    answerRoutes({
      'coupons.list': (request) =>
        (request.data as { status: string }).status === 'history'
          ? ok({ items: [used], nextCursor: null, availableCount: 1 })
          : ok({ items: [buildCoupon()], nextCursor: null, availableCount: 1 }),
      'coupons.qr': ok({ token: 'coupon-token-1', numericCode: '812345678901', expiresAt: '2026-06-10T02:01:00Z', refreshAfterSeconds: 60 }),
    });

    render(<CouponsPage />);

    expect(await screen.findByText('满50减10券')).toBeTruthy();
    expect(screen.getByText('可使用（1）')).toBeTruthy();
    expect(callsTo('coupons.qr')).toHaveLength(0);
    await act(async () => {
      screen.getByText('出示券码').click();
    });
    await waitFor(() => expect(shownToken()).toBe('coupon-token-1'));
    expect(callsTo('coupons.qr')[0]?.data).toEqual({ couponId: 'c00000000000000000000001' });

    await act(async () => {
      screen.getByText('已使用/已过期').click();
    });
    expect(await screen.findByText('生日月9折券')).toBeTruthy();
    expect(screen.getByText('2026-06-12 12:00 已使用 · 静安寺店')).toBeTruthy();
  });

  it('a coupon written off while its code is open: the code closes, says so, and the list moves it to history', async () => {
    let writtenOff = false;
    answerRoutes({
      'coupons.list': () => (writtenOff ? ok({ items: [], nextCursor: null, availableCount: 0 }) : ok({ items: [buildCoupon()], nextCursor: null, availableCount: 1 })),
      'coupons.qr': () => {
        writtenOff = true; // at the store, just before the code's request
        return refusal(409, 'COUPON_NOT_AVAILABLE');
      },
    });

    render(<CouponsPage />);
    const show = await screen.findByText('出示券码');
    await act(async () => {
      show.click();
    });

    expect(await screen.findByText('暂无可用优惠券')).toBeTruthy();
    expect(taroStandIn.toasts).toContain('券已使用');
    expect(screen.getByText('可使用（0）')).toBeTruthy();
  });

  it('says so when there is no usable coupon', async () => {
    answerRoutes({ 'coupons.list': ok({ items: [], nextCursor: null, availableCount: 0 }) });

    render(<CouponsPage />);

    expect(await screen.findByText('暂无可用优惠券')).toBeTruthy();
    expect(screen.getByText('遇到问题？')).toBeTruthy();
    expect(screen.getByText('门店电话 ›')).toBeTruthy();
  });
});
