import { maxPointsPaymentFen, pointsPaymentBlocker, pointsValueFen, purchaseAmountsAddUp } from './pos.rules.js';

const rule = { pointsPerYuan: 100, maxSharePercent: 50 };

describe('points as payment', () => {
  it.each<[string, number, number, typeof rule, string | null]>([
    ['no points', 0, 10_000, { ...rule, maxSharePercent: 0 }, null],
    ['not allowed by the brand', 100, 10_000, { ...rule, maxSharePercent: 0 }, 'POS_POINTS_PAYMENT_DISABLED'],
    ['exactly half the bill', 5000, 10_000, rule, null],
    ['one fen over half the bill', 5001, 10_000, rule, 'POS_POINTS_PAYMENT_TOO_HIGH'],
    ['points that are not worth whole fen (150 a yuan)', 100, 10_000, { pointsPerYuan: 150, maxSharePercent: 50 }, 'POS_POINTS_PAYMENT_INEXACT'],
    ['points worth whole fen (150 a yuan)', 150, 10_000, { pointsPerYuan: 150, maxSharePercent: 50 }, null],
  ])('%s', (_name, points, billFen, paymentRule, expected) => {
    expect(pointsPaymentBlocker(points, billFen, paymentRule)).toBe(expected);
  });

  it('values points in whole fen and caps them by the share of the bill', () => {
    expect(pointsValueFen(3000, rule)).toBe(3000);
    expect(pointsValueFen(150, { pointsPerYuan: 150 })).toBe(100);
    expect(maxPointsPaymentFen(9999, rule)).toBe(4999);
  });

  it('the amounts add up with what the points paid', () => {
    const amounts = { lines: [{ qty: 1, amountFen: 10_000 }], totalFen: 10_000, discountFen: 1000, paidFen: 6000 };
    expect(purchaseAmountsAddUp({ ...amounts, pointsFen: 3000 })).toBe(true);
    expect(purchaseAmountsAddUp(amounts)).toBe(false);
  });
});
