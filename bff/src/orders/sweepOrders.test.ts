import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { captureLogger, PINO_WARN } from '../test/logCapture';
import { buildCouponTemplate, buildMallItem } from '../test/mallFactories';
import { buildMallOrders } from '../test/orderFactories';
import { usePaySandbox } from '../test/paySandbox';
import type { Member } from '../members/Member.model';
import { compensateOrder } from './compensateOrder';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import type { OrderContext } from './orderContext';
import { orderContextFrom } from './orderContextFrom';
import { confirmPayment } from './payOrder';
import { placeOrder } from './placeOrder';
import { sweepOrders, type SweepSummary } from './sweepOrders';
import { sweepBackoffMs } from './sweepSchedule';

useTestDatabase();
// Notifications are not served (503): what WeChat Pay did reaches the BFF only when it asks.
const sandbox = usePaySandbox();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// The sandbox keeps real time (prepays expire by it), so the BFF's clock starts now.
const clock = { now: new Date() };
const log = captureLogger('warn');
let app: TestApp;
let keySeq = 0;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config), now: () => clock.now, logger: log.logger });
});
// Each test looks at the sweeper's whole working set.
afterEach(() => MallOrderModel.deleteMany({}));

const later = (ms: number): void => {
  clock.now = new Date(clock.now.getTime() + ms);
};
const context = (): Promise<OrderContext> => orderContextFrom(app.deps);
const sweep = async (): Promise<SweepSummary> => sweepOrders(await context());
const nothing: SweepSummary = { cancelled: 0, fulfilled: 0, refunded: 0, retrying: 0, failed: 0, parked: 0, reservations: 0, coupons: 0 };
const statusOf = async (order: Pick<MallOrder, '_id'>) => (await MallOrderModel.findById(order._id).lean())?.status;

const crashAt = async (point: string): Promise<OrderContext> => ({ ...(await context()), faults: { after: (reached) => {
  if (reached === point) throw new Error(`crash after ${reached}`);
} } });

async function cashOrder(member?: Member): Promise<{ member: Member; order: MallOrder }> {
  const buyer = member ?? (await buildPointsLot({ points: 500, earnedAt: clock.now })).member;
  const item = await buildMallItem({ pointsPrice: 100, cashFen: 2000, stock: 10 });
  const order = await placeOrder({ buyerMemberId: buyer._id.toHexString(), itemId: item._id.toHexString(), qty: 1, idempotencyKey: `sweep-${(keySeq += 1)}` }, await context());
  expect(order.status).toBe('awaiting_payment');
  return { member: buyer, order };
}

describe('orders.sweep claims work by nextAttemptAt', () => {
  it('more than a batch of orders that fail on every run do not stop a healthy stuck order from being swept', async () => {
    // 201 paid coupon orders whose coupon was withdrawn after the sale: their fulfilment fails on every run.
    const withdrawn = await buildCouponTemplate({ active: false });
    const failing = await buildMallOrders(201, {
      status: 'paid',
      item: { title: '满50减10券', coverImage: '', kind: 'coupon', couponTemplateCode: withdrawn.code },
      payment: { transactionId: '4200000000000000000000000000', amountFen: 990, paidAt: clock.now },
      updatedAt: clock.now,
    });
    later(MINUTE);
    // Later, a points-only order whose request died after the stock was reserved: the sweeper fulfils it.
    const { member } = await buildPointsLot({ points: 500, earnedAt: clock.now });
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 0 });
    const placing = placeOrder({ buyerMemberId: member._id.toHexString(), itemId: item._id.toHexString(), qty: 1, idempotencyKey: `sweep-${(keySeq += 1)}` }, await crashAt('stock_reserved'));
    await expect(placing).rejects.toThrow('crash after stock_reserved');
    const healthy = await MallOrderModel.findOne({ buyerMemberId: member._id }).lean();
    if (!healthy) throw new Error('order not stored');

    later(3 * MINUTE);
    expect(await sweep()).toMatchObject({ failed: 200, retrying: 200, fulfilled: 0 });
    later(2 * MINUTE);
    expect(await sweep()).toMatchObject({ fulfilled: 1 });
    expect(await statusOf(healthy)).toBe('fulfilled');
    expect(new Set(await Promise.all(failing.map(statusOf)))).toEqual(new Set(['paid']));
  });

  it('retries an order WeChat refuses after a growing backoff; a success takes it out of the working set', async () => {
    const { order } = await cashOrder();
    await expect(compensateOrder(order._id, 'member', await crashAt('cancelling'))).rejects.toThrow('crash after cancelling');
    sandbox().pay.failNext('close', { status: 500, code: 'SYSTEM_ERROR' }, 3);
    const failedOnce = { ...nothing, failed: 1, retrying: 1 };
    const runs: [number, SweepSummary][] = [
      [2 * MINUTE, failedOnce], // due after the grace period; fails: next in 2 minutes
      [1 * MINUTE, nothing],
      [1 * MINUTE, failedOnce], // fails again: next in 4 minutes
      [2 * MINUTE, nothing],
      [2 * MINUTE, failedOnce], // fails a third time: next in 8 minutes
      [7 * MINUTE, nothing],
      [1 * MINUTE, { ...nothing, cancelled: 1 }],
      [HOUR, nothing],
    ];
    for (const [wait, summary] of runs) {
      later(wait);
      expect(await sweep()).toEqual(summary);
    }
    expect(await MallOrderModel.findById(order._id).lean()).toMatchObject({ status: 'cancelled', nextAttemptAt: null, sweepAttempts: 0 });
    expect(sandbox().pay.order(order.orderNo)).toMatchObject({ trade_state: 'CLOSED' });
    const failures = log.entries().filter((entry) => entry.job === 'orders.sweep' && entry.orderId === order._id.toHexString());
    expect(failures.map((entry) => [entry.level, entry.sweepAttempts])).toEqual([[PINO_WARN, 1], [PINO_WARN, 2], [PINO_WARN, 3]]);
  });

  it('parks a refund WeChat will not finish (ABNORMAL): flagged once, looked at again only daily', async () => {
    const { member, order } = await cashOrder();
    sandbox().pay.pay(order.orderNo);
    expect((await confirmPayment(order, await context())).status).toBe('fulfilled');
    const refund = await app.http.post('/api/orders.refund').set('Authorization', await sessionFor(member, { now: clock.now })).send({ orderId: order._id.toHexString() });
    expect(refund.body.order.status).toBe('refunding');
    sandbox().pay.settleRefund(`R${order.orderNo}`, 'ABNORMAL');

    later(3 * MINUTE);
    expect(await sweep()).toEqual({ ...nothing, parked: 1 });
    for (const wait of [2 * MINUTE, 10 * MINUTE, HOUR, 20 * HOUR]) {
      later(wait);
      expect(await sweep()).toEqual(nothing);
    }
    later(3 * HOUR);
    expect(await sweep()).toEqual({ ...nothing, parked: 1 });
    const parked = await MallOrderModel.findById(order._id).lean();
    expect(parked).toMatchObject({ status: 'refunding', refund: { status: 'ABNORMAL' } });
    expect(parked?.flags.map((flag) => flag.reason)).toEqual(['refund_abnormal']);
  });

  it('leaves an unpaid cash order to the payment jobs', async () => {
    sandbox().pay.failNext('jsapi', { status: 500, code: 'SYSTEM_ERROR' }, 1);
    const { member } = await buildPointsLot({ points: 500, earnedAt: clock.now });
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 2000 });
    const placing = placeOrder({ buyerMemberId: member._id.toHexString(), itemId: item._id.toHexString(), qty: 1, idempotencyKey: `sweep-${(keySeq += 1)}` }, await context());
    await expect(placing).rejects.toMatchObject({ code: 'PAYMENT_FAILED' });
    later(3 * MINUTE);
    expect(await sweep()).toEqual(nothing);
    later(10 * MINUTE);
    expect(await sweep()).toEqual(nothing);
    expect(await MallOrderModel.findOne({ buyerMemberId: member._id }).lean()).toMatchObject({ status: 'stock_reserved', nextAttemptAt: null });
  });
});

describe('sweepBackoffMs', () => {
  it('doubles from 2 minutes with each sweep in a row that did not finish, up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempts) => sweepBackoffMs(attempts) / MINUTE)).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
  });
});
