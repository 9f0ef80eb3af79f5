import { buildTestApp, testConfig } from '../test/app';
import { createLogger } from '../logger';
import { placeOrder } from '../orders/placeOrder';
import type { WechatPay } from '../wechat/types';
import { useTestDatabase } from '../test/database';
import { buildMember, buildPointsLot, sessionFor } from '../test/factories';
import { buildCouponTemplate, buildMallItem } from '../test/mallFactories';
import { CouponModel } from '../coupons/Coupon.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { MallOrderModel } from '../orders/MallOrder.model';
import { MallItemModel } from './MallItem.model';
import { RedemptionLimitModel } from './RedemptionLimit.model';
import { createSettingsSource, DEFAULT_SETTINGS_SNAPSHOT } from '../settings/settingsSource';

useTestDatabase();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') };
const { http } = buildTestApp({ now: () => clock.now });
let keySeq = 0;
const key = (): string => `key-${Date.now().toString(36)}-${(keySeq += 1)}`;

async function memberWithPoints(points: number): Promise<{ memberId: string; auth: string }> {
  const { member } = await buildPointsLot({ points, earnedAt: clock.now });
  return { memberId: member._id.toHexString(), auth: await sessionFor(member, { now: clock.now }) };
}

async function ledgerSum(memberId: string): Promise<number> {
  const entries = await PointsEntryModel.find({ memberId, state: 'applied' }).lean();
  return entries.reduce((sum, entry) => sum + (entry.delta ?? 0), 0);
}

describe('mall.list and mall.item', () => {
  it('lists visible items with the viewer, filters by kind, 404 for an unknown item', async () => {
    const hidden = await buildMallItem({ status: 'inactive', title: '下架商品' });
    const coupon = await buildCouponTemplate();
    const item = await buildMallItem({ kind: 'coupon', couponTemplateCode: coupon.code, tierRequired: 'gold', title: '满50减10券' });
    const { auth } = await memberWithPoints(500);
    const list = await http.post('/api/mall.list').set('Authorization', auth).send({ kind: 'coupon' });
    expect(list.status).toBe(200);
    expect(list.body.viewer).toEqual({ balance: 500, tierLevel: 'basic' });
    const ids = list.body.items.map((entry: { id: string }) => entry.id);
    expect(ids).toContain(item._id.toHexString());
    expect(ids).not.toContain(hidden._id.toHexString());
    const shown = list.body.items.find((entry: { id: string }) => entry.id === item._id.toHexString());
    expect(shown).toMatchObject({ tierAllowed: false, tierBadge: '金卡专享', priceText: '100 积分', soldOut: false });

    const detail = await http.post('/api/mall.item').send({ itemId: item._id.toHexString() });
    expect(detail.status).toBe(200);
    expect(detail.body.viewer).toBeNull();
    expect(detail.body.item.coupon).toEqual({ title: '满50减10券', valueText: '¥10', conditionText: '满50元可用', validDays: 30 });
    expect((await http.post('/api/mall.item').send({ itemId: 'nope' })).status).toBe(400);
    expect((await http.post('/api/mall.item').send({ itemId: hidden._id.toHexString() })).status).toBe(404);
  });
});

describe('mall.list sections', () => {
  it('keeps cash-only gift items in 送礼 and out of 积分兑换', async () => {
    const points = await buildMallItem({ title: '积分商品', pointsPrice: 300, cashFen: 0 });
    const mixed = await buildMallItem({ title: '积分加钱', pointsPrice: 600, cashFen: 990 });
    const gift = await buildMallItem({ title: '生日鲜花', pointsPrice: 0, cashFen: 9900 });
    const ids = async (body: object): Promise<string[]> => {
      const response = await http.post('/api/mall.list').send({ limit: 50, ...body });
      expect(response.status).toBe(200);
      return response.body.items.map((entry: { id: string }) => entry.id);
    };
    const [pointsSection, giftsSection, everything] = await Promise.all([ids({ section: 'points' }), ids({ section: 'gifts' }), ids({})]);
    expect(pointsSection).toEqual(expect.arrayContaining([points._id.toHexString(), mixed._id.toHexString()]));
    expect(pointsSection).not.toContain(gift._id.toHexString());
    expect(giftsSection).toContain(gift._id.toHexString());
    expect(giftsSection).not.toEqual(expect.arrayContaining([points._id.toHexString()]));
    expect(giftsSection).not.toEqual(expect.arrayContaining([mixed._id.toHexString()]));
    expect(everything).toEqual(expect.arrayContaining([points._id.toHexString(), mixed._id.toHexString(), gift._id.toHexString()]));
    expect((await http.post('/api/mall.list').send({ section: 'cash' })).status).toBe(400);
  });
});

describe('mall.redeem (points only)', () => {
  it('401 -> 400 -> 404 -> 403 tier -> 409 points -> 200 fulfilled with a pickup', async () => {
    const item = await buildMallItem();
    const body = { itemId: item._id.toHexString(), qty: 1, idempotencyKey: key() };
    expect((await http.post('/api/mall.redeem').send(body)).status).toBe(401);
    const { memberId, auth } = await memberWithPoints(150);
    expect((await http.post('/api/mall.redeem').set('Authorization', auth).send({ ...body, qty: 0 })).status).toBe(400);
    expect((await http.post('/api/mall.redeem').set('Authorization', auth).send({ ...body, itemId: '0'.repeat(24) })).status).toBe(404);
    const gold = await buildMallItem({ tierRequired: 'gold' });
    const tier = await http.post('/api/mall.redeem').set('Authorization', auth).send({ ...body, itemId: gold._id.toHexString() });
    expect([tier.status, tier.body.error.code]).toEqual([403, 'MALL_TIER_REQUIRED']);
    const poor = await http.post('/api/mall.redeem').set('Authorization', auth).send({ ...body, qty: 2, idempotencyKey: key() });
    expect([poor.status, poor.body.error.code]).toEqual([409, 'POINTS_INSUFFICIENT']);

    const ok = await http.post('/api/mall.redeem').set('Authorization', auth).send(body);
    expect(ok.status).toBe(200);
    expect(ok.body.payment).toBeNull();
    expect(ok.body.order).toMatchObject({ status: 'fulfilled', statusLabel: '兑换成功', pointsTotal: 100, fulfilment: { type: 'pickup', usedAt: null } });
    expect(ok.body.order.actions).toEqual({ canPay: false, canCancel: false, canRefund: true, canShowQr: true });
    expect(ok.body.order.orderNo).toMatch(/^M260510120000[0-9A-F]{10}$/); // stamped with the time in Shanghai
    const again = await http.post('/api/mall.redeem').set('Authorization', auth).send(body);
    expect(again.body.order.id).toBe(ok.body.order.id);
    const reused = await http.post('/api/mall.redeem').set('Authorization', auth).send({ ...body, qty: 2 });
    expect([reused.status, reused.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);

    expect((await PointsAccountModel.findById(memberId).lean())?.balance).toBe(50);
    expect(await ledgerSum(memberId)).toBe(50);
    expect((await MallItemModel.findById(item._id).lean())?.stock).toBe(9);
    expect(await MallOrderModel.countDocuments({ buyerMemberId: memberId, status: 'fulfilled' })).toBe(1);
    // The refused order gave everything back.
    expect((await MallItemModel.findById(item._id).lean())?.reservedOrders).toEqual([]);
  });

  it('a coupon item issues the coupon; refund voids it and returns the points', async () => {
    const template = await buildCouponTemplate();
    const item = await buildMallItem({ kind: 'coupon', couponTemplateCode: template.code, pointsPrice: 300 });
    const { memberId, auth } = await memberWithPoints(1000);
    const ok = await http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: key() });
    expect(ok.body.order.fulfilment).toMatchObject({ type: 'coupon', couponTitle: '满50减10券' });
    const coupons = await http.post('/api/coupons.list').set('Authorization', auth).send({});
    expect(coupons.body.availableCount).toBe(1);
    expect(coupons.body.items[0]).toMatchObject({ valueText: '¥10', status: 'available', source: 'redemption', canShowQr: true });

    const refunded = await http.post('/api/orders.refund').set('Authorization', auth).send({ orderId: ok.body.order.id });
    expect(refunded.status).toBe(200);
    expect(refunded.body.order.status).toBe('refunded');
    expect(await CouponModel.countDocuments({ memberId, status: 'void' })).toBe(1);
    expect((await PointsAccountModel.findById(memberId).lean())?.balance).toBe(1000);
    const twice = await http.post('/api/orders.refund').set('Authorization', auth).send({ orderId: ok.body.order.id });
    expect(twice.body.order.status).toBe('refunded');
    expect((await PointsAccountModel.findById(memberId).lean())?.balance).toBe(1000);
  });

  it('30 concurrent redemptions of stock 10 by 15 members: exactly 10 orders, stock 0, points exact', async () => {
    const item = await buildMallItem({ stock: 10, limitPerMember: 5 });
    const members = await Promise.all(Array.from({ length: 15 }, () => memberWithPoints(1000)));
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, index) => {
        const member = members[index % 15] as { auth: string };
        return http.post('/api/mall.redeem').set('Authorization', member.auth).send({ itemId: item._id.toHexString(), idempotencyKey: key() });
      }),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(responses.filter((response) => response.status === 409).every((response) => response.body.error.code === 'MALL_SOLD_OUT')).toBe(true);
    expect((await MallItemModel.findById(item._id).lean())?.stock).toBe(0);
    expect(await MallOrderModel.countDocuments({ itemId: item._id, status: 'fulfilled' })).toBe(10);
    for (const { memberId } of members) {
      const fulfilled = await MallOrderModel.countDocuments({ itemId: item._id, buyerMemberId: memberId, status: 'fulfilled' });
      const balance = (await PointsAccountModel.findById(memberId).lean())?.balance;
      expect(balance).toBe(1000 - 100 * fulfilled);
      expect(await ledgerSum(memberId)).toBe(balance);
    }
  });

  it('the per-member limit holds under 10 concurrent redemptions by one member', async () => {
    const item = await buildMallItem({ stock: 100, limitPerMember: 3, limitPeriod: 'week' });
    const { memberId, auth } = await memberWithPoints(5000);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: key() })),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(3);
    expect(responses.filter((response) => response.status === 409).every((response) => response.body.error.code === 'MALL_LIMIT_REACHED')).toBe(true);
    expect((await MallItemModel.findById(item._id).lean())?.stock).toBe(97);
    expect((await PointsAccountModel.findById(memberId).lean())?.balance).toBe(4700);
    const counters = await RedemptionLimitModel.find({ _id: { $regex: `^${memberId}:` } }).lean();
    expect(counters.map((counter) => counter.count)).toEqual([3]);
  });

  it('the same idempotencyKey sent 5 times at once makes one order', async () => {
    const item = await buildMallItem();
    const { memberId, auth } = await memberWithPoints(1000);
    const body = { itemId: item._id.toHexString(), idempotencyKey: key() };
    const responses = await Promise.all(Array.from({ length: 5 }, () => http.post('/api/mall.redeem').set('Authorization', auth).send(body)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(new Set(responses.map((response) => response.body.order.id)).size).toBe(1);
    expect(await MallOrderModel.countDocuments({ buyerMemberId: memberId })).toBe(1);
    expect((await PointsAccountModel.findById(memberId).lean())?.balance).toBe(900);
  });

  it('gift: placeOrder with a recipient sends the coupon to the recipient and charges the buyer', async () => {
    const template = await buildCouponTemplate();
    const item = await buildMallItem({ kind: 'coupon', couponTemplateCode: template.code });
    const buyer = await memberWithPoints(500);
    const recipient = await buildMember();
    const context = { now: clock.now, settings: DEFAULT_SETTINGS_SNAPSHOT, settingsSource: createSettingsSource(), config: testConfig(), pay: {} as WechatPay, logger: createLogger('silent') };
    const input = { buyerMemberId: buyer.memberId, itemId: item._id.toHexString(), qty: 1, idempotencyKey: key(), giftRef: 'wish-1' };
    await expect(placeOrder({ ...input, recipientMemberId: buyer.memberId }, context)).rejects.toMatchObject({ code: 'GIFT_RECIPIENT_INVALID' });
    const order = await placeOrder({ ...input, recipientMemberId: recipient._id.toHexString() }, context);
    expect(order.status).toBe('fulfilled');
    expect(await CouponModel.countDocuments({ memberId: recipient._id, status: 'available', source: 'gift' })).toBe(1);
    expect(await CouponModel.countDocuments({ memberId: buyer.memberId })).toBe(0);
    expect((await PointsAccountModel.findById(buyer.memberId).lean())?.balance).toBe(400);
    const seen = await http.post('/api/orders.list').set('Authorization', await sessionFor(recipient, { now: clock.now })).send({});
    expect(seen.body.items[0]).toMatchObject({ id: order._id.toHexString(), gift: { received: true, giftRef: 'wish-1' }, pointsEarned: 0 });
  });
});
