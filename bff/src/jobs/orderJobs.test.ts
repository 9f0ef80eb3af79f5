import { Types } from 'mongoose';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildCouponTemplate, buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { CouponModel } from '../coupons/Coupon.model';
import { MallItemModel } from '../mall/MallItem.model';
import { RedemptionLimitModel } from '../mall/RedemptionLimit.model';
import type { Member } from '../members/Member.model';
import { compensateOrder } from '../orders/compensateOrder';
import { MallOrderModel } from '../orders/MallOrder.model';
import { orderContextFrom } from '../orders/orderContextFrom';
import { pointsEarnKey } from '../orders/orderContext';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { jobs } from './jobs';
import { runJobOnce } from './scheduler';

useTestDatabase();
// No listener is served: every notification fails (503), as if WeChat's deliveries never reached us.
const sandbox = usePaySandbox();
const MINUTE = 60_000;
const clock = { now: new Date() };
let app: TestApp;
let keySeq = 0;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config), now: () => clock.now });
});

async function runJob(name: string): Promise<void> {
  const job = jobs.find((candidate) => candidate.name === name);
  if (!job) throw new Error(`no job ${name}`);
  expect(await runJobOnce(job, app.deps)).toBe(true);
}

const later = (ms: number): void => {
  clock.now = new Date(clock.now.getTime() + ms);
};

async function redeem(member: Member, itemId: string) {
  return app.http
    .post('/api/mall.redeem')
    .set('Authorization', await sessionFor(member, { now: clock.now }))
    .send({ itemId, idempotencyKey: `job-order-${(keySeq += 1)}` });
}

describe('order and coupon jobs (time driven through deps.now)', () => {
  it('orders.closeUnpaid closes an unpaid order after 15 minutes: prepay closed at WeChat Pay, stock, points and limit back', async () => {
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 990, stock: 10 });
    const { member } = await buildPointsLot({ points: 300, earnedAt: clock.now });
    const redeemed = await redeem(member, item._id.toHexString());
    expect(redeemed.body.order.status).toBe('awaiting_payment');
    const orderNo: string = redeemed.body.order.orderNo;

    later(14 * MINUTE);
    await runJob('orders.closeUnpaid');
    expect((await MallOrderModel.findById(redeemed.body.order.id).lean())?.status).toBe('awaiting_payment');
    expect((await MallItemModel.findById(item._id).lean())?.stock).toBe(9);

    later(2 * MINUTE);
    await runJob('orders.closeUnpaid');
    expect(await MallOrderModel.findById(redeemed.body.order.id).lean()).toMatchObject({ status: 'cancelled', cancelReason: 'payment_timeout' });
    expect(sandbox().pay.order(orderNo)).toMatchObject({ trade_state: 'CLOSED' });
    expect(await MallItemModel.findById(item._id).lean()).toMatchObject({ stock: 10, reservedOrders: [] });
    expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 300, ledgerSum: 300, consistent: true });
    expect((await RedemptionLimitModel.findOne({ orders: { $size: 0 }, _id: { $regex: `^${member._id.toHexString()}:` } }).lean())?.count).toBe(0);
  });

  it('a close WeChat Pay refuses does not hold up the other due orders; the sweeper finishes it on a later run', async () => {
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 990, stock: 10 });
    const placed: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { member } = await buildPointsLot({ points: 300, earnedAt: clock.now });
      placed.push((await redeem(member, item._id.toHexString())).body.order.id as string);
    }
    later(16 * MINUTE);
    sandbox().pay.failNext('close', { status: 500, code: 'SYSTEM_ERROR' }, 1);
    await runJob('orders.closeUnpaid');
    const statuses = async () => (await MallOrderModel.find({ _id: { $in: placed } }).lean()).map((order) => order.status).sort();
    expect(await statuses()).toEqual(['cancelled', 'cancelled', 'cancelling']);
    expect((await MallItemModel.findById(item._id).lean())?.stock).toBe(9);

    later(3 * MINUTE);
    await runJob('orders.sweep');
    expect(await statuses()).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await MallItemModel.findById(item._id).lean()).toMatchObject({ stock: 10, reservedOrders: [] });
    for (const order of await MallOrderModel.find({ _id: { $in: placed } }).lean()) {
      expect(sandbox().pay.order(order.orderNo)).toMatchObject({ trade_state: 'CLOSED' });
      expect(await auditPointsAccount(order.buyerMemberId.toHexString())).toMatchObject({ balance: 300, consistent: true });
    }
  });

  it('the sweeper, too, finishes the other stuck orders when WeChat Pay refuses one', async () => {
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 990, stock: 10 });
    const placed: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { member } = await buildPointsLot({ points: 300, earnedAt: clock.now });
      const id: string = (await redeem(member, item._id.toHexString())).body.order.id;
      // The member's cancel request died right after the order became `cancelling`.
      const crashing = { ...(await orderContextFrom(app.deps)), faults: { after: (point: string) => { if (point === 'cancelling') throw new Error('crash'); } } };
      await expect(compensateOrder(new Types.ObjectId(id), 'member', crashing)).rejects.toThrow('crash');
      placed.push(id);
    }
    later(3 * MINUTE);
    sandbox().pay.failNext('close', { status: 500, code: 'SYSTEM_ERROR' }, 1);
    await runJob('orders.sweep');
    const statuses = async () => (await MallOrderModel.find({ _id: { $in: placed } }).lean()).map((order) => order.status).sort();
    expect(await statuses()).toEqual(['cancelled', 'cancelled', 'cancelling']);

    later(3 * MINUTE);
    await runJob('orders.sweep');
    expect(await statuses()).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await MallItemModel.findById(item._id).lean()).toMatchObject({ stock: 10, reservedOrders: [] });
  });

  it('orders.reconcilePayments fulfils an order paid at WeChat Pay whose notification never arrived', async () => {
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 2000, stock: 10 });
    const { member } = await buildPointsLot({ points: 300, earnedAt: clock.now });
    const redeemed = await redeem(member, item._id.toHexString());
    const orderId: string = redeemed.body.order.id;
    const { notificationId } = sandbox().pay.pay(redeemed.body.order.orderNo);
    expect((await sandbox().pay.settled(notificationId)).delivered).toBe(false);
    expect((await MallOrderModel.findById(orderId).lean())?.status).toBe('awaiting_payment');

    later(2 * MINUTE);
    await runJob('orders.reconcilePayments');
    const order = await MallOrderModel.findById(orderId).lean();
    expect(order).toMatchObject({ status: 'fulfilled', pointsEarned: 20 });
    expect(order?.payment?.amountFen).toBe(2000);
    expect(await PointsEntryModel.countDocuments({ key: pointsEarnKey(orderId), state: 'applied' })).toBe(1);
    expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 220, consistent: true });

    // Past the payment window the close job leaves a paid order alone.
    later(20 * MINUTE);
    await runJob('orders.closeUnpaid');
    await runJob('orders.reconcilePayments');
    expect((await MallOrderModel.findById(orderId).lean())?.status).toBe('fulfilled');
    expect((await MallItemModel.findById(item._id).lean())?.stock).toBe(9);
  });

  it('coupons.expire expires coupons past their validity, not before; members.me stops counting them', async () => {
    const template = await buildCouponTemplate({ validDays: 30 });
    const item = await buildMallItem({ kind: 'coupon', couponTemplateCode: template.code, pointsPrice: 50 });
    const { member } = await buildPointsLot({ points: 300, earnedAt: clock.now });
    expect((await redeem(member, item._id.toHexString())).body.order.status).toBe('fulfilled');
    const me = async () => (await app.http.post('/api/members.me').set('Authorization', await sessionFor(member, { now: clock.now })).send({})).body.coupons;
    expect(await me()).toEqual({ available: 1 });

    later(29 * 24 * 60 * MINUTE);
    await runJob('coupons.expire');
    expect(await CouponModel.countDocuments({ memberId: member._id, status: 'available' })).toBe(1);

    later(3 * 24 * 60 * MINUTE);
    expect(await me()).toEqual({ available: 0 });
    await runJob('coupons.expire');
    expect(await CouponModel.countDocuments({ memberId: member._id, status: 'expired' })).toBe(1);
    const history = await app.http.post('/api/coupons.list').set('Authorization', await sessionFor(member, { now: clock.now })).send({ status: 'history' });
    expect(history.body.items.map((coupon: { status: string }) => coupon.status)).toEqual(['expired']);
  });
});
