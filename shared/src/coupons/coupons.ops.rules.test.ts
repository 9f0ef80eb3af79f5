import { couponFaceProblems } from './coupons.ops.rules.js';
import type { CouponFace } from './coupons.rules.js';

const none: CouponFace = { type: 'amount_off', amountOffFen: null, percentOff: null, minSpendFen: 0, freeItemName: null };

describe('couponFaceProblems', () => {
  it.each<[string, Partial<CouponFace>, string[]]>([
    ['amount off', { amountOffFen: 1000 }, []],
    ['amount off without an amount', {}, ['amountOffFen']],
    ['amount off with a percentage too', { amountOffFen: 1000, percentOff: 10 }, ['percentOff']],
    ['percent off', { type: 'percent_off', percentOff: 15 }, []],
    ['percent off of 100', { type: 'percent_off', percentOff: 100 }, ['percentOff']],
    ['percent off with an amount', { type: 'percent_off', percentOff: 10, amountOffFen: 500 }, ['amountOffFen']],
    ['a free item', { type: 'free_item', freeItemName: '中杯饮品一杯' }, []],
    ['a free item without naming it', { type: 'free_item' }, ['freeItemName']],
  ])('%s', (_name, change, paths) => {
    expect(couponFaceProblems({ ...none, ...change }).map((problem) => problem.path)).toEqual(paths);
  });
});
