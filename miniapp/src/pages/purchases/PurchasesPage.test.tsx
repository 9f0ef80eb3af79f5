import { render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { answerRoutes, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { PurchasesPage } from './index';

describe('PurchasesPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('lists purchases with the points earned, coupons used and refunds', async () => {
    answerRoutes({
      'purchases.list': ok({
        items: [
          {
            id: 'p00000000000000000000001',
            receiptNo: 'R1',
            where: '静安寺店',
            purchasedAt: '2026-06-10T12:00:00+08:00',
            lines: [{ name: '8寸生日蛋糕', qty: 1, amountFen: 53000 }],
            paidFen: 52000,
            discountFen: 1000,
            refundedFen: 26000,
            pointsEarned: 520,
            couponsUsed: 1,
            status: 'partially_refunded',
            statusLabel: '部分退款',
          },
        ],
        nextCursor: null,
      }),
    });

    render(<PurchasesPage />);

    expect(await screen.findByText('静安寺店')).toBeTruthy();
    expect(screen.getByText('部分退款')).toBeTruthy();
    expect(screen.getByText('实付 ¥520')).toBeTruthy();
    expect(screen.getByText('优惠 ¥10')).toBeTruthy();
    expect(screen.getByText('+520 积分 · 用券 1 张 · 已退 ¥260')).toBeTruthy();
  });
});
