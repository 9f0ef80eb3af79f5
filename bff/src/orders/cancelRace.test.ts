import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { MallItemModel } from '../mall/MallItem.model';
import type { Member } from '../members/Member.model';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { closeUnpaidOrders } from './closeUnpaidOrders';
import { MallOrderModel } from './MallOrder.model';
import { pointsEarnKey, type OrderContext } from './orderContext';
import { orderContextFrom } from './orderContextFrom';
import { confirmPayment } from './payOrder';

useTestDatabase();
// Notifications are not served (503): the BFF learns of a payment only by asking WeChat Pay, as when the member
// cancels in the moment between paying and WeChat's notification arriving.
const sandbox = usePaySandbox();
const MINUTE = 60_000;
// The sandbox keeps real time (prepays expire by it), so the BFF's clock starts now.
const clock = { now: new Date() };
let app: TestApp;
let keySeq = 0;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config), now: () => clock.now });
});

async function unpaidOrder(): Promise<{ member: Member; auth: string; orderId: string; orderNo: string; itemId: string }> {
  const item = await buildMallItem({ pointsPrice: 100, cashFen: 2000, stock: 10 });
  const { member } = await buildPointsLot({ points: 500, earnedAt: clock.now });
  const auth = await sessionFor(member, { now: clock.now });
  const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: `cancel-race-${(keySeq += 1)}` });
  expect([redeemed.status, redeemed.body.order?.status]).toEqual([200, 'awaiting_payment']);
  return { member, auth, orderId: redeemed.body.order.id, orderNo: redeemed.body.order.orderNo, itemId: item._id.toHexString() };
}

/** The member pays at WeChat; the notification does not reach the BFF (yet). */
async function paidAtWechat(orderNo: string): Promise<void> {
  expect((await sandbox().pay.settled(sandbox().pay.pay(orderNo).notificationId)).delivered).toBe(false);
}

/** Fulfilled with the points the payment earned, stock kept, the ledger consistent. */
async function expectFulfilled(order: { member: Member; orderId: string; itemId: string }): Promise<void> {
  expect(await MallOrderModel.findById(order.orderId).lean()).toMatchObject({ status: 'fulfilled', pointsEarned: 20 });
  expect(await PointsEntryModel.countDocuments({ key: pointsEarnKey(order.orderId), state: 'applied' })).toBe(1);
  expect(await auditPointsAccount(order.member._id.toHexString())).toMatchObject({ balance: 500 - 100 + 20, consistent: true });
  expect(await MallItemModel.findById(order.itemId).lean()).toMatchObject({ stock: 9, reservedOrders: [] });
}

describe('orders.cancel racing the payment', () => {
  it('the payer paid just before the cancel: WeChat refuses the close (ORDERPAID), 409, and the order is fulfilled at once', async () => {
    const order = await unpaidOrder();
    await paidAtWechat(order.orderNo);

    const cancel = await app.http.post('/api/orders.cancel').set('Authorization', order.auth).send({ orderId: order.orderId });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('ORDER_NOT_CANCELLABLE');
    expect(sandbox().pay.order(order.orderNo)).toMatchObject({ trade_state: 'SUCCESS' });
    await expectFulfilled(order);
    const shown = await app.http.post('/api/orders.get').set('Authorization', order.auth).send({ orderId: order.orderId });
    expect(shown.body.order).toMatchObject({ status: 'fulfilled', pointsEarned: 20, cancelReasonText: null, actions: { canCancel: false, canPay: false } });

    // Asking again changes nothing.
    expect((await app.http.post('/api/orders.cancel').set('Authorization', order.auth).send({ orderId: order.orderId })).status).toBe(409);
    await expectFulfilled(order);
  });

  it('the payment was recorded but its fulfilment died (crash after paid): the cancel fulfils it, 409', async () => {
    const order = await unpaidOrder();
    await paidAtWechat(order.orderNo);
    const stored = await MallOrderModel.findById(order.orderId).lean();
    if (!stored) throw new Error('order not stored');
    const crashAfterPaid: OrderContext = { ...(await orderContextFrom(app.deps)), faults: { after: (point) => {
      if (point === 'paid') throw new Error('crash after paid');
    } } };
    await expect(confirmPayment(stored, crashAfterPaid)).rejects.toThrow('crash after paid');
    expect((await MallOrderModel.findById(order.orderId).lean())?.status).toBe('paid');

    const cancel = await app.http.post('/api/orders.cancel').set('Authorization', order.auth).send({ orderId: order.orderId });
    expect([cancel.status, cancel.body.error?.code]).toEqual([409, 'ORDER_NOT_CANCELLABLE']);
    expect(await MallOrderModel.findById(order.orderId).lean()).toMatchObject({ status: 'fulfilled', pointsEarned: 20 });
    expect(await auditPointsAccount(order.member._id.toHexString())).toMatchObject({ balance: 420, consistent: true });
  });

  it('the unpaid-order job finds the payment won at the deadline: the order is fulfilled, not left paid', async () => {
    const order = await unpaidOrder();
    await paidAtWechat(order.orderNo);
    clock.now = new Date(clock.now.getTime() + 16 * MINUTE);

    expect(await closeUnpaidOrders(await orderContextFrom(app.deps))).toEqual({ closed: 0, paid: 1, failed: 0 });
    expect(await MallOrderModel.findById(order.orderId).lean()).toMatchObject({ status: 'fulfilled', pointsEarned: 20 });
    expect(await auditPointsAccount(order.member._id.toHexString())).toMatchObject({ balance: 420, consistent: true });
  });
});
