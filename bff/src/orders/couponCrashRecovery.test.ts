import { useTestDatabase } from '../test/database';
import { buildPointsLot } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { useOrderCrashes } from '../test/orderFactories';
import { usePaySandbox } from '../test/paySandbox';
import { buildMemberCoupon } from '../test/posFactories';
import { CouponModel, type Coupon } from '../coupons/Coupon.model';
import type { MallItem } from '../mall/MallItem.model';
import type { Member } from '../members/Member.model';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { cancelOrder } from './cancelOrder';
import { compensateOrder } from './compensateOrder';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { holdCoupon } from './orderCoupon';
import { type OrderContext, type OrderFaultPoint } from './orderContext';
import { confirmPayment } from './payOrder';
import { placeOrder } from './placeOrder';
import { finishRefund, refundOrder } from './refundOrder';

useTestDatabase();
// Notifications are not served (503): payments reach the BFF only through order queries, so a crash can be placed.
const sandbox = usePaySandbox();
const MINUTE = 60_000;
const POINTS = 1000;
const CASH_FEN = 8000;
const DISCOUNT_FEN = 1000;
const clock = { now: new Date() };

const { crashingAt, crashes, paidAtSandbox, runOrderJobs } = useOrderCrashes(sandbox, clock);

interface Run {
  member: Member;
  coupon: Coupon;
  item: MallItem;
  key: string;
}

interface Scenario {
  name: string;
  crash: (run: Run) => Promise<void>;
  meanwhile?: (order: MallOrder) => Promise<void>;
  ends: 'fulfilled' | 'cancelled' | 'refunded';
  /** The coupon once the jobs ran: used by a fulfilled order, available again otherwise. */
  coupon: 'used' | 'available';
}

const place = ({ member, coupon, item, key }: Run, context: OrderContext) =>
  placeOrder({ buyerMemberId: member._id.toHexString(), itemId: item._id.toHexString(), qty: 1, idempotencyKey: key, couponId: coupon._id.toHexString() }, context);

async function fulfilled(run: Run): Promise<MallOrder> {
  const order = await place(run, await crashingAt());
  await paidAtSandbox(order);
  return confirmPayment(order, await crashingAt());
}

const crashInPlace = (point: OrderFaultPoint): Scenario['crash'] => async (run) => crashes(place(run, await crashingAt(point)));

const scenarios: Scenario[] = [
  { name: 'after the limit was counted, coupon not yet held', crash: crashInPlace('limit_counted'), ends: 'cancelled', coupon: 'available' },
  { name: 'after the coupon was held', crash: crashInPlace('coupon_held'), ends: 'cancelled', coupon: 'available' },
  { name: 'after points_held', crash: crashInPlace('points_held'), ends: 'cancelled', coupon: 'available' },
  { name: 'after awaiting_payment, never paid (closed unpaid)', crash: crashInPlace('awaiting_payment'), ends: 'cancelled', coupon: 'available' },
  { name: 'after awaiting_payment, paid at WeChat', crash: crashInPlace('awaiting_payment'), meanwhile: paidAtSandbox, ends: 'fulfilled', coupon: 'used' },
  {
    name: 'after paid, coupon still held',
    crash: async (run) => {
      const order = await place(run, await crashingAt());
      await paidAtSandbox(order);
      await crashes(confirmPayment(order, await crashingAt('paid')));
    },
    ends: 'fulfilled',
    coupon: 'used',
  },
  {
    name: 'coupon used but the order not marked fulfilled',
    crash: async (run) => {
      const order = await place(run, await crashingAt());
      await paidAtSandbox(order);
      await crashes(confirmPayment(order, await crashingAt('coupon_used')));
    },
    ends: 'fulfilled',
    coupon: 'used',
  },
  {
    name: 'cancelling, stock released, coupon still held',
    crash: async (run) => {
      const order = await place(run, await crashingAt());
      await crashes(cancelOrder(order._id.toHexString(), run.member._id.toHexString(), await crashingAt('stock_released')));
    },
    ends: 'cancelled',
    coupon: 'available',
  },
  {
    name: 'cancelling, coupon released but the order not marked cancelled',
    crash: async (run) => {
      const order = await place(run, await crashingAt());
      await crashes(compensateOrder(order._id, 'member', await crashingAt('coupon_released')));
    },
    ends: 'cancelled',
    coupon: 'available',
  },
  {
    name: 'a hold that landed after the order was cancelled (the sweeper gives it back)',
    crash: async (run) => {
      await crashes(place(run, await crashingAt('limit_counted')));
      const order = await MallOrderModel.findOne({ buyerMemberId: run.member._id }).lean();
      if (!order) throw new Error('no order');
      expect((await compensateOrder(order._id, 'failed', await crashingAt())).status).toBe('cancelled');
      expect(await holdCoupon(order, clock.now)).toBe(true);
    },
    ends: 'cancelled',
    coupon: 'available',
  },
  {
    name: 'refunding, refunded at WeChat, points returned, coupon not yet restored',
    crash: async (run) => {
      const order = await fulfilled(run);
      expect((await refundOrder(order._id.toHexString(), run.member._id.toHexString(), await crashingAt())).status).toBe('refunding');
      sandbox().pay.settleRefund(`R${order.orderNo}`, 'SUCCESS');
      await crashes(finishRefund(order._id, await crashingAt('points_returned')));
    },
    ends: 'refunded',
    coupon: 'available',
  },
  {
    name: 'refunding, coupon restored but the order not marked refunded',
    crash: async (run) => {
      const order = await fulfilled(run);
      expect((await refundOrder(order._id.toHexString(), run.member._id.toHexString(), await crashingAt())).status).toBe('refunding');
      sandbox().pay.settleRefund(`R${order.orderNo}`, 'SUCCESS');
      await crashes(finishRefund(order._id, await crashingAt('coupon_restored')));
    },
    ends: 'refunded',
    coupon: 'available',
  },
];

describe('a crash at each step that touches the coupon: the jobs end the order and its coupon consistently', () => {
  it(`${scenarios.length} crashed coupon orders: fulfilled ones used their coupon, the others gave it back; WeChat Pay was asked for the discounted total`, async () => {
    const item = await buildMallItem({ pointsPrice: 100, cashFen: CASH_FEN, stock: 50, limitPerMember: 5 });
    const runs: (Run & { scenario: Scenario })[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      const { member } = await buildPointsLot({ points: POINTS, earnedAt: clock.now });
      const coupon = await buildMemberCoupon(member, clock.now, { amountOffFen: DISCOUNT_FEN, minSpendFen: 0 });
      const run = { member, coupon, item, key: `coupon-crash-${index}` };
      await scenario.crash(run);
      runs.push({ ...run, scenario });
    }
    for (const { scenario, member } of runs) {
      const order = await MallOrderModel.findOne({ buyerMemberId: member._id }).lean();
      if (!order) throw new Error(`${scenario.name}: no order`);
      await scenario.meanwhile?.(order);
    }

    clock.now = new Date(clock.now.getTime() + 16 * MINUTE);
    await runOrderJobs();
    for (const order of await MallOrderModel.find({ status: 'refunding' }).lean()) {
      if (order.refund?.status === 'PROCESSING') sandbox().pay.settleRefund(`R${order.orderNo}`, 'SUCCESS');
    }
    clock.now = new Date(clock.now.getTime() + 3 * MINUTE);
    await runOrderJobs();

    for (const { scenario, member, coupon } of runs) {
      const order = await MallOrderModel.findOne({ buyerMemberId: member._id }).lean();
      expect([scenario.name, order?.status, order?.cashTotalFen, order?.coupon?.discountFen]).toEqual([scenario.name, scenario.ends, CASH_FEN - DISCOUNT_FEN, DISCOUNT_FEN]);
      const stored = await CouponModel.findById(coupon._id).lean();
      expect([scenario.name, stored?.status, stored?.heldByOrderId ? 'holder' : 'none']).toEqual([scenario.name, scenario.coupon, scenario.coupon === 'used' ? 'holder' : 'none']);
      if (order?.prepay) expect([scenario.name, sandbox().pay.order(order.orderNo)?.amount]).toEqual([scenario.name, expect.objectContaining({ total: CASH_FEN - DISCOUNT_FEN })]);
      const spent = scenario.ends === 'fulfilled' ? 100 : 0;
      const earned = scenario.ends === 'fulfilled' ? (CASH_FEN - DISCOUNT_FEN) / 100 : 0;
      expect([scenario.name, await auditPointsAccount(member._id.toHexString())]).toEqual([scenario.name, expect.objectContaining({ balance: POINTS - spent + earned, consistent: true })]);
    }
    expect(await CouponModel.countDocuments({ status: 'held' })).toBe(0);
  }, 300_000);
});
