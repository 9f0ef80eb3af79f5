import { buildMallItemView } from '../../../test/fixtures';
import { checkoutPreview } from './checkout';

describe('checkoutPreview', () => {
  it('totals points and cash for the quantity and previews the balance left', () => {
    const preview = checkoutPreview(buildMallItemView({ pointsPrice: 300, cashFen: 990 }), 2);
    expect(preview).toMatchObject({ pointsTotal: 600, cashTotalFen: 1980, totalText: '600 积分 + ¥19.80', balanceAfter: 600, blocker: null });
  });

  it('takes a coupon discount off the cash part only, never below zero', () => {
    expect(checkoutPreview(buildMallItemView({ pointsPrice: 300, cashFen: 6000 }), 1, 1000)).toMatchObject({ pointsTotal: 300, cashTotalFen: 5000, totalText: '300 积分 + ¥50' });
    expect(checkoutPreview(buildMallItemView({ pointsPrice: 300, cashFen: 800 }), 1, 1000)).toMatchObject({ pointsTotal: 300, cashTotalFen: 0 });
  });

  it('caps the quantity by stock, the member’s remaining limit and the per-order maximum', () => {
    expect(checkoutPreview(buildMallItemView({ stock: 3 }, { remainingForMe: 5 }), 1).maxQty).toBe(3);
    expect(checkoutPreview(buildMallItemView({ stock: 30 }, { remainingForMe: 2 }), 1).maxQty).toBe(2);
    expect(checkoutPreview(buildMallItemView({ stock: 30 }, { remainingForMe: null, viewer: null }), 1).maxQty).toBe(10);
  });

  it.each([
    ['sold out', buildMallItemView({ soldOut: true, stock: 0 }), '已兑完'],
    ['tier', buildMallItemView({ tierRequired: 'diamond', tierAllowed: false, tierBadge: '钻石卡专享' }), '钻石卡及以上可兑换'],
    ['limit', buildMallItemView({}, { remainingForMe: 0 }), '已达兑换上限'],
    ['points', buildMallItemView({ pointsPrice: 2000 }), '还差 800 积分'],
  ])('names the reason a member cannot redeem (%s)', (_case, view, blocker) => {
    expect(checkoutPreview(view, 1).blocker).toBe(blocker);
  });

  it('counts the points missing for the quantity instead of a negative balance', () => {
    expect(checkoutPreview(buildMallItemView({ pointsPrice: 500 }), 3)).toMatchObject({ balanceAfter: null, pointsShort: 300, blocker: '还差 300 积分' });
    expect(checkoutPreview(buildMallItemView({ pointsPrice: 600 }), 2)).toMatchObject({ balanceAfter: 0, pointsShort: null, blocker: null });
  });

  it('lets an anonymous visitor try (the redeem call logs in), without a balance preview', () => {
    expect(checkoutPreview(buildMallItemView({}, { viewer: null, remainingForMe: null }), 1)).toMatchObject({ balanceAfter: null, blocker: null });
  });
});
