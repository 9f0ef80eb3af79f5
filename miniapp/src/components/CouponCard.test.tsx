import { render, screen } from '@testing-library/react';
import { buildCoupon } from '../../test/fixtures';
import { CouponCard } from './CouponCard';

describe('CouponCard', () => {
  const noop = (): void => undefined;

  it('says the last usable moment of an available coupon in words, with the days left when close', () => {
    render(<CouponCard coupon={buildCoupon({ validUntil: '2026-06-30T16:00:00Z' })} onShowQr={noop} now={new Date('2026-06-28T04:00:00Z')} />);
    expect(screen.getByText('可用至 6月30日 23:59 · 还剩 2 天')).toBeTruthy();
  });

  it('says "today" on the last day', () => {
    render(<CouponCard coupon={buildCoupon({ validUntil: '2026-06-30T16:00:00Z' })} onShowQr={noop} now={new Date('2026-06-30T04:00:00Z')} />);
    expect(screen.getByText('今天 23:59 到期')).toBeTruthy();
  });
});
