import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildCoupon, buildMallItemView, buildOrder, payment } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok, refusal } from '../../../test/routes';
import { type MemberStore } from '@cakeday/shared';
import { setSessionProvider } from '../../api/client';
import { MallItemPage } from './index';

const itemId = 'a00000000000000000000001';
const store: MemberStore = {
  id: 'c00000000000000000000009',
  name: '南京西路店',
  address: '南京西路 1 号',
  phone: '021-12345678',
  openingHours: { opens: '08:00', closes: '21:00' },
  location: null,
  distanceMeters: null,
  openNow: true,
  offersPickup: true,
};
/** The stores a pickup item (the fixture's 体验服务) can be collected at. */
const stores = { 'stores.list': ok({ stores: [store, { ...store, id: 'c00000000000000000000010', name: '不自提的店', offersPickup: false }] }) };

/** Chooses the pickup store (once), then redeems and confirms. */
async function redeem(): Promise<void> {
  const choice = await screen.findByRole('radio', { name: '南京西路店' });
  if (choice.getAttribute('aria-checked') !== 'true') {
    await act(async () => {
      choice.click();
    });
  }
  await act(async () => {
    screen.getByText(/^立即兑换/).click();
  });
  await act(async () => {
    screen.getByText('确定').click();
  });
}

describe('MallItemPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    taroStandIn.params = { id: itemId };
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('shows the rules and the points left after redeeming, then redeems points-only and opens the order', async () => {
    answerRoutes({ ...stores, 'mall.item': ok(buildMallItemView()), 'mall.redeem': ok({ order: buildOrder(), payment: null }) });

    render(<MallItemPage />);

    expect(await screen.findByText('跟着烘焙师做一只自己的生日蛋糕')).toBeTruthy();
    expect(screen.getByText('· 兑换后30天内预约使用')).toBeTruthy();
    expect(screen.getByText('兑换后剩余积分 700')).toBeTruthy();
    await redeem();

    const [sent] = callsTo('mall.redeem');
    expect(sent?.data).toMatchObject({ itemId, qty: 1, storeId: store.id });
    expect((sent?.data as { idempotencyKey: string }).idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(taroStandIn.toasts).toContain('兑换成功');
    expect(taroStandIn.navigations).toEqual(['/pages/orders/detail/index?id=b00000000000000000000001']);
  });

  it('pays the cash part through the sandbox on H5, confirms the payment and opens the paid order', async () => {
    const awaiting = buildOrder({ status: 'awaiting_payment', statusLabel: '待支付', cashTotalFen: 990 });
    answerRoutes({
      ...stores,
      'mall.item': ok(buildMallItemView({ cashFen: 990, priceText: '500 积分 + ¥9.90' })),
      'mall.redeem': ok({ order: awaiting, payment }),
      'sandbox:/pay/orders/wx123/pay': ok({ ok: true }),
      'orders.confirmPayment': ok({ order: buildOrder({ cashTotalFen: 990 }) }),
    });

    render(<MallItemPage />);
    await screen.findByText('合计 500 积分 + ¥9.90');
    await redeem();

    expect(callsTo('sandbox:/pay/orders/wx123/pay')).toHaveLength(1);
    expect(callsTo('orders.confirmPayment')[0]?.data).toEqual({ orderId: awaiting.id });
    expect(taroStandIn.navigations).toEqual([`/pages/orders/detail/index?id=${awaiting.id}`]);
  });

  it('offers the usable coupons at checkout, takes the chosen one off the cash part, and shows why the others cannot be used', async () => {
    const usable = buildCoupon({ id: 'c00000000000000000000001', title: '满50减10券' });
    const refused = buildCoupon({ id: 'c00000000000000000000002', title: '门店专享券', valueText: '¥20' });
    answerRoutes({
      ...stores,
      'mall.item': ok(buildMallItemView({ cashFen: 6000, priceText: '500 积分 + ¥60' })),
      'mall.checkoutCoupons': ok({
        cashTotalFen: 6000,
        items: [
          { coupon: usable, discountFen: 1000, blocker: null },
          { coupon: refused, discountFen: 0, blocker: { code: 'COUPON_CHANNEL_NOT_ALLOWED', message: '该券不能在此渠道使用（请查看券上的使用范围）' } },
        ],
      }),
      'mall.redeem': ok({ order: buildOrder({ status: 'awaiting_payment', cashTotalFen: 5000 }), payment }),
      'sandbox:/pay/orders/wx123/pay': ok({ ok: true }),
      'orders.confirmPayment': ok({ order: buildOrder({ cashTotalFen: 5000 }) }),
    });

    render(<MallItemPage />);
    expect(await screen.findByText('可减 ¥10')).toBeTruthy();
    expect(screen.getByText('该券不能在此渠道使用（请查看券上的使用范围）')).toBeTruthy();
    expect(screen.getByText('合计 500 积分 + ¥60')).toBeTruthy();

    await act(async () => {
      screen.getByText('门店专享券 · ¥20').click();
    });
    expect(screen.getByText('合计 500 积分 + ¥60')).toBeTruthy();
    await act(async () => {
      screen.getByText('满50减10券 · ¥10').click();
    });
    expect(screen.getByText('合计 500 积分 + ¥50')).toBeTruthy();
    expect(screen.getByText('已选，可减 ¥10')).toBeTruthy();
    await redeem();

    expect(callsTo('mall.checkoutCoupons')[0]?.data).toEqual({ itemId, qty: 1 });
    expect(callsTo('mall.redeem')[0]?.data).toMatchObject({ itemId, qty: 1, couponId: usable.id });
  });

  it('a pickup item asks for the store first: only stores offering pickup, then the order is placed there', async () => {
    answerRoutes({ ...stores, 'mall.item': ok(buildMallItemView()), 'mall.redeem': ok({ order: buildOrder(), payment: null }) });

    render(<MallItemPage />);

    expect(await screen.findByText('请选择自提门店')).toBeTruthy();
    expect(await screen.findByRole('radio', { name: '南京西路店' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: '自提门店' })).toBeTruthy();
    expect(screen.getByText('08:00–21:00 · 南京西路 1 号')).toBeTruthy();
    expect(screen.queryByRole('radio', { name: '不自提的店' })).toBeNull();
    await act(async () => {
      screen.getByText('请选择自提门店').click();
    });
    expect(callsTo('mall.redeem')).toHaveLength(0);

    await act(async () => {
      screen.getByRole('radio', { name: '南京西路店' }).click();
    });
    expect(screen.getByRole('radio', { name: '南京西路店' }).getAttribute('aria-checked')).toBe('true');
    await act(async () => {
      screen.getByText(/^立即兑换/).click();
    });
    expect(screen.getByText(/到 南京西路店 自提/)).toBeTruthy();
    await act(async () => {
      screen.getByText('确定').click();
    });
    expect(callsTo('mall.redeem')[0]?.data).toMatchObject({ itemId, storeId: store.id });
  });

  it('says how many points are missing and how to earn them, never a negative balance', async () => {
    answerRoutes({ 'mall.item': ok(buildMallItemView({}, { viewer: { balance: 300, tierLevel: 'basic' } })) });

    render(<MallItemPage />);

    expect(await screen.findByText('还差 200 积分')).toBeTruthy();
    expect(screen.queryByText(/兑换后剩余积分/)).toBeNull();
    expect(screen.queryByText('立即兑换')).toBeNull();
    await act(async () => {
      screen.getByText('怎么赚积分 ›').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/rules/index']);
  });

  it('names the tier that unlocks a tier-locked item and links to 等级权益', async () => {
    const locked = buildMallItemView({ tierRequired: 'gold', tierBadge: '金卡专享', tierAllowed: false });
    answerRoutes({ 'mall.item': ok(locked) });

    render(<MallItemPage />);

    expect(await screen.findByText('金卡及以上可兑换')).toBeTruthy();
    expect(screen.getByText('升级到金卡即可兑换')).toBeTruthy();
    await act(async () => {
      screen.getByText('查看等级权益 ›').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/rules/tiers/index']);
  });

  it('retries a lost answer with the same key, but a refusal in Chinese starts a new attempt', async () => {
    answerRoutes({
      ...stores,
      'mall.item': ok(buildMallItemView()),
      'mall.redeem': [
        () => {
          throw new TypeError('Failed to fetch');
        },
        refusal(409, 'MALL_SOLD_OUT'),
        ok({ order: buildOrder(), payment: null }),
      ],
    });

    render(<MallItemPage />);
    await screen.findByText('兑换后剩余积分 700');
    await redeem();
    await redeem();
    await redeem();

    const keys = callsTo('mall.redeem').map((request) => (request.data as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(taroStandIn.toasts.slice(0, 2)).toEqual(['网络连接失败，请检查网络后重试', '商品已兑完，下次早点来']);
  });
});
