import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { MallOrderModel, type MallOrder } from '../orders/MallOrder.model';
import { scheduleOnEntering } from '../orders/sweepSchedule';
import { jobs } from '../jobs/jobs';
import { runJobOnce } from '../jobs/scheduler';
import type { OrderContext, OrderFaultPoint } from '../orders/orderContext';
import { orderContextFrom } from '../orders/orderContextFrom';
import { buildTestApp, testConfig, type TestApp } from './app';
import type { PaySandboxHarness } from './paySandbox';

/**
 * Orders stored directly in a state, many at once (for the jobs' working sets): by default a cash order of a
 * service item awaiting payment, scheduled for the sweeper as a change into its state would schedule it. The
 * buyer and item are fresh ids unless given: give real ones when the job under test reads them.
 */
export async function buildMallOrders(count: number, overrides: Partial<MallOrder> = {}): Promise<MallOrder[]> {
  const now = overrides.updatedAt ?? new Date();
  const status = overrides.status ?? 'awaiting_payment';
  const documents = Array.from({ length: count }, () => {
    const orderNo = `MTEST${randomBytes(8).toString('hex').toUpperCase()}`;
    return {
      _id: new Types.ObjectId(),
      orderNo,
      buyerMemberId: new Types.ObjectId(),
      recipientMemberId: null,
      giftRef: null,
      idempotencyKey: `factory-${orderNo}`,
      itemId: new Types.ObjectId(),
      item: { title: '烘焙课体验券', coverImage: '', kind: 'service' as const, couponTemplateCode: null },
      qty: 1,
      pointsTotal: 100,
      cashTotalFen: 990,
      limitKey: `factory:${orderNo}`,
      status,
      failureCode: null,
      paymentDeadline: new Date(now.getTime() + 15 * 60_000),
      prepay: { prepayId: `wx${orderNo}`, params: { timeStamp: '0', nonceStr: 'n', package: `prepay_id=wx${orderNo}`, signType: 'RSA' as const, paySign: 's' }, expiresAt: new Date(now.getTime() + 15 * 60_000) },
      payment: null,
      fulfilment: null,
      pointsEarned: 0,
      cancelReason: null,
      refund: null,
      flags: [],
      createdAt: now,
      updatedAt: now,
      paidAt: null,
      fulfilledAt: null,
      cancelledAt: null,
      refundedAt: null,
      ...scheduleOnEntering(status, now),
      ...overrides,
    };
  });
  await MallOrderModel.insertMany(documents);
  return MallOrderModel.find({ _id: { $in: documents.map((document) => document._id) } }).sort({ _id: 1 }).lean();
}

/** A crash a test places in an order command: thrown right after the fault point it names. */
export class OrderCrash extends Error {}

export interface OrderCrashHarness {
  /** The test app (from beforeAll on): WeChat Pay's sandbox config, on `clock`. */
  app(): TestApp;
  /** The app's order context, with a crash right after `point` (none without one). */
  crashingAt(point?: OrderFaultPoint): Promise<OrderContext>;
  /** The command ended at the crash placed in it. */
  crashes(run: Promise<unknown>): Promise<void>;
  /** The member paid the order at WeChat Pay; its notification settled (unserved: the BFF learns it by querying). */
  paidAtSandbox(order: Pick<MallOrder, 'orderNo'>): Promise<void>;
  /** The order jobs, each run once (they must be due): close unpaid, reconcile payments, sweep. */
  runOrderJobs(): Promise<void>;
}

/**
 * Crash recovery of mall orders: the app on WeChat Pay's sandbox (whose notifications are not served, so payments
 * reach the BFF only through order queries and a crash can be placed) and the clock given, built in beforeAll.
 */
export function useOrderCrashes(sandbox: () => PaySandboxHarness, clock: { now: Date }): OrderCrashHarness {
  let app: TestApp | undefined;
  beforeAll(() => {
    app = buildTestApp({ config: testConfig(sandbox().config), now: () => clock.now });
  });
  const started = (): TestApp => {
    if (!app) throw new Error('useOrderCrashes: the app is built in beforeAll');
    return app;
  };
  return {
    app: started,
    crashingAt: async (point) => ({
      ...(await orderContextFrom(started().deps)),
      faults: {
        after: (reached) => {
          if (reached === point) throw new OrderCrash(`crash after ${reached}`);
        },
      },
    }),
    crashes: async (run) => {
      await expect(run).rejects.toBeInstanceOf(OrderCrash);
    },
    paidAtSandbox: async (order) => {
      await sandbox().pay.settled(sandbox().pay.pay(order.orderNo).notificationId);
    },
    runOrderJobs: async () => {
      for (const name of ['orders.closeUnpaid', 'orders.reconcilePayments', 'orders.sweep']) {
        const job = jobs.find((candidate) => candidate.name === name);
        if (!job) throw new Error(`no job ${name}`);
        expect(await runJobOnce(job, started().deps)).toBe(true);
      }
    },
  };
}
