import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { answerRoutes, callsTo, ok, refusal } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { WriteoffPage } from './index';

const store = { id: 's1', code: 'SH001', name: '静安寺店' };
const subject = { kind: 'coupon', id: 'c1', title: '满50减10券', detail: '¥10 · 满50元可用', memberName: '小蛋糕' };

async function paste(token: string): Promise<void> {
  // Taro's H5 textarea draws its inner <textarea> a moment after mounting.
  const field = await waitFor(() => {
    const inner = document.querySelector('textarea.taro-textarea');
    if (!inner) throw new Error('no textarea yet');
    return inner;
  });
  fireEvent.input(field, { target: { value: token } });
  await act(async () => {
    screen.getByText('查询券码').click();
  });
}

describe('WriteoffPage (H5: the token is pasted)', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('previews the coupon, writes it off once on confirmation, and shows the store and time', async () => {
    answerRoutes({
      'writeoff.staffProfile': ok({ isStaff: true, store }),
      'writeoff.preview': ok({ subject, expiresAt: '2026-06-10T02:01:00Z' }),
      'writeoff.redeem': ok({ record: { id: 'w1', subject, store, staffName: '店员小王', at: '2026-06-10T02:00:30Z' } }),
    });

    render(<WriteoffPage />);
    expect(await screen.findByText('静安寺店')).toBeTruthy();
    await paste('  coupon-token-1 ');

    expect(await screen.findByText('待核销')).toBeTruthy();
    expect(screen.getByText('顾客：小蛋糕')).toBeTruthy();
    expect(callsTo('writeoff.redeem')).toHaveLength(0);
    await act(async () => {
      screen.getByText('确认核销').click();
    });

    expect(await screen.findByText('✅ 核销成功')).toBeTruthy();
    expect(screen.getByText('门店：静安寺店')).toBeTruthy();
    expect(screen.getByText('时间：2026-06-10 10:00 · 店员 店员小王')).toBeTruthy();
    expect(callsTo('writeoff.preview')[0]?.data).toEqual({ token: 'coupon-token-1' });
    expect(callsTo('writeoff.redeem').map((request) => request.data)).toEqual([{ token: 'coupon-token-1' }]);
  });

  it('explains an expired or used code in Chinese', async () => {
    answerRoutes({
      'writeoff.staffProfile': ok({ isStaff: true, store }),
      'writeoff.preview': refusal(410, 'WRITEOFF_TOKEN_EXPIRED'),
    });

    render(<WriteoffPage />);
    await paste('old-token');

    expect(taroStandIn.toasts).toEqual(['二维码已过期，请让顾客刷新后重试']);
    expect(screen.queryByText('确认核销')).toBeNull();
  });

  it('tells a member who is not staff that the desk is not theirs', async () => {
    answerRoutes({ 'writeoff.staffProfile': ok({ isStaff: false, store: null }) });

    render(<WriteoffPage />);

    expect(await screen.findByText('你还不是门店店员')).toBeTruthy();
    expect(screen.queryAllByPlaceholderText('粘贴顾客的券码')).toHaveLength(0);
  });
});
