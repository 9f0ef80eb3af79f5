import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { buildMemberCoupon } from '../test/posFactories';
import { CouponModel } from '../coupons/Coupon.model';
import { auditPointsAccount } from '../points/auditPointsAccount';
import type { Member } from '../members/Member.model';
import { MallOrderModel } from './MallOrder.model';

useTestDatabase();
const sandbox = usePaySandbox();
const DAY = 24 * 60 * 60_000;
// The sandbox keeps real time (prepays expire by it), so the BFF's clock starts now.
const clock = { now: new Date() };
let app: TestApp;
let keySeq = 0;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config), now: () => clock.now });
});

async function buyer(): Promise<{ member: Member; auth: string }> {
  const { member } = await buildPointsLot({ points: 1000, earnedAt: clock.now });
  return { member, auth: await sessionFor(member, { now: clock.now }) };
}

const post = (route: string, auth: string, body: object) => app.http.post(`/api/${route}`).set('Authorization', auth).send(body);
const redeem = (auth: string, itemId: string, couponId?: string) =>
  post('mall.redeem', auth, { itemId, idempotencyKey: `coupon-order-${(keySeq += 1)}`, ...(couponId ? { couponId } : {}) });
const couponState = async (couponId: unknown) => (await CouponModel.findById(couponId, { status: 1, heldByOrderId: 1 }).lean()) ?? { status: 'missing', heldByOrderId: null };

async function payAndConfirm(auth: string, orderNo: string, orderId: string) {
  await sandbox().pay.settled(sandbox().pay.pay(orderNo).notificationId);
  return post('orders.confirmPayment', auth, { orderId });
}

describe('mall.checkoutCoupons', () => {
  it('lists the usable coupons with their discount first, then the others with the reason the shared rule gives', async () => {
    const { member, auth } = await buyer();
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 8000 });
    const tenOff = await buildMemberCoupon(member, clock.now, { title: '满50减10', amountOffFen: 1000, minSpendFen: 5000 });
    const twentyPercent = await buildMemberCoupon(member, clock.now, { title: '8折券', type: 'percent_off', amountOffFen: null, percentOff: 20, minSpendFen: 0 });
    const bigSpend = await buildMemberCoupon(member, clock.now, { title: '满200减50', amountOffFen: 5000, minSpendFen: 20_000 });
    const storeOnly = await buildMemberCoupon(member, clock.now, { title: '门店券', conditions: { firstOrderOnly: false, tiers: [], birthdayMonthOnly: false, storeIds: [], channels: ['store'] } });

    const listed = await post('mall.checkoutCoupons', auth, { itemId: item._id.toHexString(), qty: 1 });
    expect(listed.status).toBe(200);
    expect(listed.body.cashTotalFen).toBe(8000);
    const rows = (listed.body.items as { coupon: { id: string }; discountFen: number; blocker: { code: string; message: string } | null }[]).map((row) => [row.coupon.id, row.discountFen, row.blocker?.code ?? null]);
    expect(rows.slice(0, 2)).toEqual([
      [twentyPercent._id.toHexString(), 1600, null],
      [tenOff._id.toHexString(), 1000, null],
    ]);
    expect(rows.slice(2)).toEqual(
      expect.arrayContaining([
        [bigSpend._id.toHexString(), 0, 'COUPON_MIN_SPEND_NOT_MET'],
        [storeOnly._id.toHexString(), 0, 'COUPON_CHANNEL_NOT_ALLOWED'],
      ]),
    );
    expect(listed.body.items[2].blocker.message).toMatch(/[\u4e00-\u9fa5]/);

    // A points-only item: nothing in cash for a coupon to take off (coupons never touch the points part).
    const pointsOnly = await buildMallItem({ pointsPrice: 100, cashFen: 0 });
    const none = await post('mall.checkoutCoupons', auth, { itemId: pointsOnly._id.toHexString() });
    expect(none.body.items.find((row: { coupon: { id: string } }) => row.coupon.id === twentyPercent._id.toHexString()).blocker.code).toBe('COUPON_NOTHING_TO_DISCOUNT');
  });
});

describe('mall.redeem with a coupon', () => {
  it('takes the discount off the cash part only, asks WeChat Pay for that, holds the coupon, uses it when paid and gives it back on a refund', async () => {
    const { member, auth } = await buyer();
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 8000, stock: 10 });
    const coupon = await buildMemberCoupon(member, clock.now, { title: '满50减10', amountOffFen: 1000, minSpendFen: 5000 });

    const redeemed = await redeem(auth, item._id.toHexString(), coupon._id.toHexString());
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.order).toMatchObject({ status: 'awaiting_payment', pointsTotal: 100, cashTotalFen: 7000, coupon: { id: coupon._id.toHexString(), title: '满50减10', discountFen: 1000 } });
    const orderNo: string = redeemed.body.order.orderNo;
    const orderId: string = redeemed.body.order.id;
    expect(sandbox().pay.order(orderNo)).toMatchObject({ amount: { total: 7000 } });
    expect(String((await couponState(coupon._id)).heldByOrderId)).toBe(orderId);
    expect((await couponState(coupon._id)).status).toBe('held');
    const listedHeld = await post('coupons.list', auth, { status: 'history' });
    expect(listedHeld.body.items[0]).toMatchObject({ id: coupon._id.toHexString(), status: 'held', statusLabel: '下单占用中', canShowQr: false });

    // Held: another order cannot take it.
    const second = await redeem(auth, item._id.toHexString(), coupon._id.toHexString());
    expect([second.status, second.body.error?.code]).toEqual([409, 'COUPON_NOT_AVAILABLE']);

    const paid = await payAndConfirm(auth, orderNo, orderId);
    expect(paid.body.order).toMatchObject({ status: 'fulfilled', cashTotalFen: 7000, pointsEarned: 70 });
    expect(await couponState(coupon._id)).toMatchObject({ status: 'used' });
    const used = await post('coupons.list', auth, { status: 'history' });
    expect(used.body.items.find((row: { id: string }) => row.id === coupon._id.toHexString())).toMatchObject({ status: 'used', statusLabel: '已使用' });
    expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 1000 - 100 + 70, consistent: true });

    const refunding = await post('orders.refund', auth, { orderId });
    expect(refunding.status).toBe(200);
    expect(sandbox().pay.refund(`R${orderNo}`)).toMatchObject({ amount: { refund: 7000, total: 7000 } });
    sandbox().pay.settleRefund(`R${orderNo}`, 'SUCCESS');
    const refunded = await post('orders.get', auth, { orderId });
    expect(refunded.body.order.status).toBe('refunding');
    await post('orders.refund', auth, { orderId });
    expect((await MallOrderModel.findById(orderId).lean())?.status).toBe('refunded');
    expect(await couponState(coupon._id)).toEqual({ _id: coupon._id, status: 'available', heldByOrderId: null });
    expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 1000, consistent: true });
  });

  it('gives the coupon back when the member cancels, and only one of two concurrent orders holds it', async () => {
    const { member, auth } = await buyer();
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 8000, stock: 10 });
    const coupon = await buildMemberCoupon(member, clock.now, { amountOffFen: 1000, minSpendFen: 0 });

    const racing = await Promise.all([redeem(auth, item._id.toHexString(), coupon._id.toHexString()), redeem(auth, item._id.toHexString(), coupon._id.toHexString())]);
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = racing.find((answer) => answer.status === 200);
    expect(racing.find((answer) => answer.status === 409)?.body.error.code).toBe('COUPON_NOT_AVAILABLE');
    expect(await CouponModel.countDocuments({ _id: coupon._id, status: 'held', heldByOrderId: winner?.body.order.id })).toBe(1);

    const cancelled = await post('orders.cancel', auth, { orderId: winner?.body.order.id });
    expect(cancelled.body.order.status).toBe('cancelled');
    expect(await couponState(coupon._id)).toMatchObject({ status: 'available', heldByOrderId: null });
    // Available again: a new order may use it.
    expect((await redeem(auth, item._id.toHexString(), coupon._id.toHexString())).body.order).toMatchObject({ cashTotalFen: 7000, coupon: { discountFen: 1000 } });
  });

  it('a coupon worth the whole cash part leaves a points-only order: fulfilled at once, nothing asked of WeChat Pay, coupon used', async () => {
    const { member, auth } = await buyer();
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 800 });
    const coupon = await buildMemberCoupon(member, clock.now, { amountOffFen: 1000, minSpendFen: 0 });
    const redeemed = await redeem(auth, item._id.toHexString(), coupon._id.toHexString());
    expect(redeemed.body.order).toMatchObject({ status: 'fulfilled', cashTotalFen: 0, pointsTotal: 100, coupon: { discountFen: 800 } });
    expect(redeemed.body.payment).toBeNull();
    expect(sandbox().pay.order(redeemed.body.order.orderNo)).toBeUndefined();
    expect(await couponState(coupon._id)).toMatchObject({ status: 'used' });
  });

  it('refuses a coupon the shared rule refuses, with its reason, and places no order', async () => {
    const { member, auth } = await buyer();
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 3000 });
    const storeOnly = await buildMemberCoupon(member, clock.now, { conditions: { firstOrderOnly: false, tiers: [], birthdayMonthOnly: false, storeIds: [], channels: ['store'] } });
    const bigSpend = await buildMemberCoupon(member, clock.now, { amountOffFen: 1000, minSpendFen: 5000 });
    const { member: stranger } = await buyer();
    const foreign = await buildMemberCoupon(stranger, clock.now, { minSpendFen: 0 });

    for (const [coupon, status, code] of [
      [storeOnly, 422, 'COUPON_CHANNEL_NOT_ALLOWED'],
      [bigSpend, 422, 'COUPON_MIN_SPEND_NOT_MET'],
      [foreign, 409, 'COUPON_NOT_AVAILABLE'],
    ] as const) {
      const refused = await redeem(auth, item._id.toHexString(), coupon._id.toHexString());
      expect([refused.status, refused.body.error?.code]).toEqual([status, code]);
    }
    expect(await MallOrderModel.countDocuments({ buyerMemberId: member._id })).toBe(0);
    expect(await CouponModel.countDocuments({ _id: { $in: [storeOnly._id, bigSpend._id, foreign._id] }, status: 'available' })).toBe(3);
  });

  it('a refund after the coupon expired leaves it used (only a coupon still valid comes back)', async () => {
    const { member, auth } = await buyer();
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 8000 });
    const coupon = await buildMemberCoupon(member, clock.now, { amountOffFen: 1000, minSpendFen: 0, validDays: 1 });
    const redeemed = await redeem(auth, item._id.toHexString(), coupon._id.toHexString());
    const orderId: string = redeemed.body.order.id;
    expect((await payAndConfirm(auth, redeemed.body.order.orderNo, orderId)).body.order.status).toBe('fulfilled');

    const start = clock.now;
    clock.now = new Date(start.getTime() + 3 * DAY);
    try {
      const later = await sessionFor(member, { now: clock.now });
      const asked = await post('orders.refund', later, { orderId });
      expect([asked.status, asked.body.error]).toEqual([200, undefined]);
      sandbox().pay.settleRefund(`R${redeemed.body.order.orderNo}`, 'SUCCESS');
      await post('orders.refund', later, { orderId });
      expect((await MallOrderModel.findById(orderId).lean())?.status).toBe('refunded');
      expect(await couponState(coupon._id)).toMatchObject({ status: 'used' });
    } finally {
      clock.now = start;
    }
  });
});
