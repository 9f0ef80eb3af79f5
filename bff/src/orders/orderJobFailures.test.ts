import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot } from '../test/factories';
import { captureLogger, PINO_WARN, type LogEntry } from '../test/logCapture';
import { buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { closeUnpaidOrders } from './closeUnpaidOrders';
import { compensateOrder } from './compensateOrder';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { orderContextFrom } from './orderContextFrom';
import { placeOrder } from './placeOrder';
import { reconcilePayments } from './reconcilePayments';
import { sweepOrders } from './sweepOrders';

useTestDatabase();
// Notifications are not served (503): the jobs learn what WeChat Pay did by asking it.
const sandbox = usePaySandbox();
const MINUTE = 60_000;
// The sandbox keeps real time (prepays expire by it), so the BFF's clock starts now.
const clock = { now: new Date() };
const log = captureLogger('info');
let app: TestApp;
let keySeq = 0;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config), now: () => clock.now, logger: log.logger });
});
// Each test looks at a job's whole working set.
afterEach(() => MallOrderModel.deleteMany({}));

const later = (ms: number): void => {
  clock.now = new Date(clock.now.getTime() + ms);
};

async function unpaidOrders(count: number): Promise<MallOrder[]> {
  const item = await buildMallItem({ pointsPrice: 100, cashFen: 990, stock: 10 });
  const orders: MallOrder[] = [];
  for (let index = 0; index < count; index += 1) {
    const { member } = await buildPointsLot({ points: 300, earnedAt: clock.now });
    orders.push(await placeOrder({ buyerMemberId: member._id.toHexString(), itemId: item._id.toHexString(), qty: 1, idempotencyKey: `job-failure-${(keySeq += 1)}` }, await orderContextFrom(app.deps)));
  }
  return orders;
}

/** The warnings a job logged, one per order it could not move on. */
const warningsOf = (job: string): LogEntry[] => log.entries().filter((entry) => entry.job === job && entry.level === PINO_WARN);

describe('a failure in an order job is logged with its order and counted in the summary', () => {
  it('orders.closeUnpaid', async () => {
    const orders = await unpaidOrders(2);
    later(16 * MINUTE);
    sandbox().pay.failNext('close', { status: 500, code: 'SYSTEM_ERROR' }, 1);
    expect(await closeUnpaidOrders(await orderContextFrom(app.deps))).toEqual({ closed: 1, paid: 0, failed: 1 });
    const stuck = await MallOrderModel.findOne({ _id: { $in: orders.map((order) => order._id) }, status: 'cancelling' }).lean();
    expect(warningsOf('orders.closeUnpaid')).toEqual([
      expect.objectContaining({ orderId: stuck?._id.toHexString(), orderNo: stuck?.orderNo, err: expect.objectContaining({ message: expect.any(String) }) }),
    ]);
  });

  it('orders.reconcilePayments', async () => {
    const orders = await unpaidOrders(2);
    later(2 * MINUTE);
    sandbox().pay.failNext('query', { status: 500, code: 'SYSTEM_ERROR' }, 1);
    expect(await reconcilePayments(await orderContextFrom(app.deps))).toEqual({ checked: 2, paid: 0, failed: 1 });
    const warnings = warningsOf('orders.reconcilePayments');
    expect(warnings).toHaveLength(1);
    expect(orders.map((order) => order._id.toHexString())).toContain(warnings[0]?.orderId);
    expect(warnings[0]?.err).toMatchObject({ message: expect.any(String) });
  });

  it('orders.sweep', async () => {
    const [order] = await unpaidOrders(1);
    if (!order) throw new Error('no order');
    const crashing = { ...(await orderContextFrom(app.deps)), faults: { after: (point: string) => {
      if (point === 'cancelling') throw new Error('crash');
    } } };
    await expect(compensateOrder(order._id, 'member', crashing)).rejects.toThrow('crash');
    later(3 * MINUTE);
    sandbox().pay.failNext('close', { status: 500, code: 'SYSTEM_ERROR' }, 1);
    expect(await sweepOrders(await orderContextFrom(app.deps))).toMatchObject({ failed: 1, retrying: 1, cancelled: 0 });
    expect(warningsOf('orders.sweep')).toEqual([
      expect.objectContaining({ orderId: order._id.toHexString(), status: 'cancelling', sweepAttempts: 1, err: expect.objectContaining({ message: expect.any(String) }) }),
    ]);
  });
});
