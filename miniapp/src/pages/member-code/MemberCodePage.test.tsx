import { act, render, screen, waitFor } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildCoupon } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { MemberCodePage } from './index';

const code = (numericCode: string, couponCount = 0) =>
  ok({
    token: `mc1.${numericCode}.1781059260.sig`,
    numericCode,
    expiresAt: '2026-06-10T02:01:00Z',
    refreshAfterSeconds: 50,
    coupons: Array.from({ length: couponCount }, () => ({ id: 'c00000000000000000000001', title: '满50减10券', valueText: '¥10', conditionText: '满50元可用', restrictions: [], validUntil: '2026-07-01T00:00:00+08:00' })),
    member: { tier: { level: 'gold', name: '金卡' }, pointsBalance: 1520 },
  });

describe('MemberCodePage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('shows the code with the tier and points, keeps the screen on, and asks for a new code with a chosen coupon', async () => {
    answerRoutes({
      'memberCode.issue': (request) => ((request.data as { couponIds: string[] }).couponIds.length > 0 ? code('662222333344445555', 1) : code('661111222233334444')),
      'coupons.list': ok({ items: [buildCoupon()], nextCursor: null, availableCount: 1 }),
    });

    render(<MemberCodePage />);

    expect(await screen.findByText('6611 1122 2233 3344 44')).toBeTruthy();
    expect(screen.getByText('金卡')).toBeTruthy();
    expect(screen.getByText('积分 1520')).toBeTruthy();
    expect(taroStandIn.keepScreenOn[0]).toBe(true);
    await act(async () => {
      (await screen.findByText('满50减10券')).click();
    });
    expect(await screen.findByText('6622 2233 3344 4455 55')).toBeTruthy();
    expect(screen.getByText('已附带 1 张券，收银员扫码即核销')).toBeTruthy();
    await waitFor(() => expect(callsTo('memberCode.issue').some((call) => (call.data as { couponIds: string[] }).couponIds[0] === 'c00000000000000000000001')).toBe(true));
  });
});
