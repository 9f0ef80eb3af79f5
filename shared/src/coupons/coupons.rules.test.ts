import { couponBlocker, couponRestrictionTexts, NO_COUPON_CONDITIONS, type CouponConditions, type CouponForRules, type CouponUseContext } from './coupons.rules.js';

const now = new Date('2026-06-10T04:00:00.000Z');
const coupon = (conditions: Partial<CouponConditions> = {}, face: Partial<CouponForRules> = {}): CouponForRules => ({
  type: 'amount_off',
  amountOffFen: 1000,
  percentOff: null,
  minSpendFen: 5000,
  freeItemName: null,
  status: 'available',
  validFrom: new Date('2026-06-01T00:00:00.000Z'),
  validUntil: new Date('2026-07-01T00:00:00.000Z'),
  conditions: { ...NO_COUPON_CONDITIONS, ...conditions },
  ...face,
});
const at = (context: Partial<CouponUseContext> = {}): CouponUseContext => ({
  now,
  channel: 'store',
  storeId: 'a00000000000000000000001',
  spendFen: 6000,
  tier: 'basic',
  inBirthdayMonth: false,
  firstOrder: false,
  ...context,
});
const codeOf = (forRules: CouponForRules, context: CouponUseContext): string | null => couponBlocker(forRules, context)?.code ?? null;

describe('couponBlocker: the one rule of whether a coupon may be used here and now', () => {
  it.each<[string, CouponForRules, CouponUseContext, string | null]>([
    ['no condition, enough spend', coupon(), at(), null],
    ['used', coupon({}, { status: 'used' }), at(), 'COUPON_NOT_AVAILABLE'],
    ['expired', coupon({}, { validUntil: now }), at(), 'COUPON_NOT_AVAILABLE'],
    ['a free item online', coupon({}, { type: 'free_item', amountOffFen: null, freeItemName: '饮品' }), at({ channel: 'online', storeId: null }), 'COUPON_IN_STORE_ONLY'],
    ['a store-only coupon in the mall', coupon({ channels: ['store'] }), at({ channel: 'mall', storeId: null }), 'COUPON_CHANNEL_NOT_ALLOWED'],
    ['a mall-only coupon at the staff scan', coupon({ channels: ['mall'] }), at({ spendFen: null }), 'COUPON_CHANNEL_NOT_ALLOWED'],
    ['a store-or-online coupon online', coupon({ channels: ['store', 'online'] }), at({ channel: 'online', storeId: null }), null],
    ['another store', coupon({ storeIds: ['a00000000000000000000002'] }), at(), 'COUPON_STORE_NOT_ALLOWED'],
    ['a store-bound coupon online', coupon({ storeIds: ['a00000000000000000000001'] }), at({ channel: 'online', storeId: null }), 'COUPON_STORE_NOT_ALLOWED'],
    ['its store', coupon({ storeIds: ['a00000000000000000000001'] }), at(), null],
    ['a gold coupon for a normal member', coupon({ tiers: ['gold', 'diamond'] }), at(), 'COUPON_TIER_NOT_ALLOWED'],
    ['a gold coupon for a gold member', coupon({ tiers: ['gold', 'diamond'] }), at({ tier: 'gold' }), null],
    ['birthday month only, outside it', coupon({ birthdayMonthOnly: true }), at(), 'COUPON_BIRTHDAY_MONTH_ONLY'],
    ['birthday month only, inside it', coupon({ birthdayMonthOnly: true }), at({ inBirthdayMonth: true }), null],
    ['first order only, not the first', coupon({ firstOrderOnly: true }), at(), 'COUPON_FIRST_ORDER_ONLY'],
    ['first order only, the first', coupon({ firstOrderOnly: true }), at({ firstOrder: true }), null],
    ['one fen under the minimum spend', coupon(), at({ spendFen: 4999 }), 'COUPON_MIN_SPEND_NOT_MET'],
    ['exactly the minimum spend', coupon(), at({ spendFen: 5000 }), null],
    ['spend unknown (the staff checks the bill)', coupon(), at({ spendFen: null }), null],
    ['nothing to discount', coupon({}, { minSpendFen: 0 }), at({ spendFen: 0 }), 'COUPON_NOTHING_TO_DISCOUNT'],
    ['coupons issued before conditions existed', coupon({}, { conditions: null }), at({ channel: 'mall', storeId: null }), null],
  ])('%s', (_name, forRules, context, expected) => {
    expect(codeOf(forRules, context)).toBe(expected);
  });

  it('answers a Chinese message with each code', () => {
    expect(couponBlocker(coupon({ channels: ['online'] }), at())).toEqual({ code: 'COUPON_CHANNEL_NOT_ALLOWED', message: expect.stringContaining('渠道') });
  });

  it('names the restrictions for the member and the till', () => {
    expect(couponRestrictionTexts(coupon({ firstOrderOnly: true, tiers: ['gold', 'diamond'], birthdayMonthOnly: true, storeIds: ['x'], channels: ['store'] }))).toEqual([
      '限首单使用',
      '限金卡、钻石卡会员',
      '限生日当月使用',
      '限门店使用',
      '限指定门店使用',
    ]);
    expect(couponRestrictionTexts(coupon())).toEqual([]);
  });
});
