import { useTestDatabase } from '../test/database';
import { buildPointsLot } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { useOrderCrashes } from '../test/orderFactories';
import { usePaySandbox } from '../test/paySandbox';
import { EventModel } from '../events/Event.model';
import { MallItemModel, type MallItem } from '../mall/MallItem.model';
import { RedemptionLimitModel } from '../mall/RedemptionLimit.model';
import type { Member } from '../members/Member.model';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { cancelOrder } from './cancelOrder';
import { compensateOrder } from './compensateOrder';
import { DonationCertificateModel } from './DonationCertificate.model';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { pointsClawbackKey, pointsEarnKey, type OrderContext, type OrderFaultPoint } from './orderContext';
import { confirmPayment } from './payOrder';
import { placeOrder } from './placeOrder';
import { finishRefund, refundOrder } from './refundOrder';

useTestDatabase();
// Notifications are not served (503): payments reach the BFF only through order queries, so a crash can be placed.
const sandbox = usePaySandbox();
const MINUTE = 60_000;
const STOCK = 50;
const POINTS = 1000;
const clock = { now: new Date() };

const { crashingAt, crashes, paidAtSandbox, runOrderJobs } = useOrderCrashes(sandbox, clock);

interface Scenario {
  name: string;
  item: 'points' | 'cash' | 'charity';
  /** Drives the order into the crash; returns nothing (the order is found by member). */
  crash: (input: { member: Member; item: MallItem; key: string }) => Promise<void>;
  /** Before the jobs run: what the member did at WeChat Pay meanwhile. */
  meanwhile?: (order: MallOrder) => Promise<void>;
  ends: 'fulfilled' | 'cancelled' | 'refunded';
}

const place = (member: Member, item: MallItem, key: string, context: OrderContext) =>
  placeOrder({ buyerMemberId: member._id.toHexString(), itemId: item._id.toHexString(), qty: 1, idempotencyKey: key }, context);

/** A fulfilled order (cash ones paid through the sandbox and confirmed by query). */
async function fulfilled(member: Member, item: MallItem, key: string): Promise<MallOrder> {
  const order = await place(member, item, key, await crashingAt());
  if (order.status === 'fulfilled') return order;
  await paidAtSandbox(order);
  return confirmPayment(order, await crashingAt());
}

const crashInPlace = (point: OrderFaultPoint): Scenario['crash'] => async ({ member, item, key }) => crashes(place(member, item, key, await crashingAt(point)));

const scenarios: Scenario[] = [
  { name: 'points only, after created', item: 'points', crash: crashInPlace('created'), ends: 'cancelled' },
  { name: 'points only, after the limit was counted', item: 'points', crash: crashInPlace('limit_counted'), ends: 'cancelled' },
  { name: 'points only, after points_held', item: 'points', crash: crashInPlace('points_held'), ends: 'cancelled' },
  { name: 'points only, after stock_reserved', item: 'points', crash: crashInPlace('stock_reserved'), ends: 'fulfilled' },
  { name: 'points only, delivered but not marked fulfilled', item: 'points', crash: crashInPlace('delivered'), ends: 'fulfilled' },
  { name: 'charity, its certificate number taken but not recorded on the order', item: 'charity', crash: crashInPlace('certificate_issued'), ends: 'fulfilled' },
  { name: 'cash, after created', item: 'cash', crash: crashInPlace('created'), ends: 'cancelled' },
  { name: 'cash, after points_held', item: 'cash', crash: crashInPlace('points_held'), ends: 'cancelled' },
  { name: 'cash, after stock_reserved (no prepay yet)', item: 'cash', crash: crashInPlace('stock_reserved'), ends: 'cancelled' },
  { name: 'cash, after awaiting_payment, never paid', item: 'cash', crash: crashInPlace('awaiting_payment'), ends: 'cancelled' },
  { name: 'cash, after awaiting_payment, paid at WeChat', item: 'cash', crash: crashInPlace('awaiting_payment'), meanwhile: paidAtSandbox, ends: 'fulfilled' },
  {
    name: 'cash, after paid',
    item: 'cash',
    crash: async ({ member, item, key }) => {
      const order = await place(member, item, key, await crashingAt());
      await paidAtSandbox(order);
      await crashes(confirmPayment(order, await crashingAt('paid')));
    },
    ends: 'fulfilled',
  },
  {
    name: 'cash, paid and delivered but not marked fulfilled',
    item: 'cash',
    crash: async ({ member, item, key }) => {
      const order = await place(member, item, key, await crashingAt());
      await paidAtSandbox(order);
      await crashes(confirmPayment(order, await crashingAt('delivered')));
    },
    ends: 'fulfilled',
  },
  {
    name: 'cash, the cancel lost to the payment: crash after paid',
    item: 'cash',
    crash: async ({ member, item, key }) => {
      const order = await place(member, item, key, await crashingAt());
      await paidAtSandbox(order);
      await crashes(cancelOrder(order._id.toHexString(), member._id.toHexString(), await crashingAt('paid')));
    },
    ends: 'fulfilled',
  },
  {
    name: 'cash, the cancel lost to the payment: delivered but not marked fulfilled',
    item: 'cash',
    crash: async ({ member, item, key }) => {
      const order = await place(member, item, key, await crashingAt());
      await paidAtSandbox(order);
      await crashes(cancelOrder(order._id.toHexString(), member._id.toHexString(), await crashingAt('delivered')));
    },
    ends: 'fulfilled',
  },
  {
    name: 'cash, after cancelling',
    item: 'cash',
    crash: async ({ member, item, key }) => {
      const order = await place(member, item, key, await crashingAt());
      await crashes(compensateOrder(order._id, 'member', await crashingAt('cancelling')));
    },
    ends: 'cancelled',
  },
  {
    name: 'cash, cancelling with the stock already released',
    item: 'cash',
    crash: async ({ member, item, key }) => {
      const order = await place(member, item, key, await crashingAt());
      await crashes(compensateOrder(order._id, 'member', await crashingAt('stock_released')));
    },
    ends: 'cancelled',
  },
  {
    name: 'points only, after refunding',
    item: 'points',
    crash: async ({ member, item, key }) => {
      const order = await fulfilled(member, item, key);
      await crashes(refundOrder(order._id.toHexString(), member._id.toHexString(), await crashingAt('refunding')));
    },
    ends: 'refunded',
  },
  {
    name: 'cash, after refunding (refund not yet asked of WeChat)',
    item: 'cash',
    crash: async ({ member, item, key }) => {
      const order = await fulfilled(member, item, key);
      await crashes(refundOrder(order._id.toHexString(), member._id.toHexString(), await crashingAt('refunding')));
    },
    ends: 'refunded',
  },
  {
    name: 'cash, refunded at WeChat, points returned but not clawed back',
    item: 'cash',
    crash: async ({ member, item, key }) => {
      const order = await fulfilled(member, item, key);
      expect((await refundOrder(order._id.toHexString(), member._id.toHexString(), await crashingAt())).status).toBe('refunding');
      sandbox().pay.settleRefund(`R${order.orderNo}`, 'SUCCESS');
      await crashes(finishRefund(order._id, await crashingAt('points_returned')));
    },
    ends: 'refunded',
  },
];

describe('a crash after each state: the jobs bring every order to a terminal state, consistently', () => {
  it(`${scenarios.length} crashed orders end fulfilled, cancelled or refunded; stock, limits and points agree`, async () => {
    const items = {
      points: await buildMallItem({ pointsPrice: 100, cashFen: 0, stock: STOCK, limitPerMember: 5 }),
      cash: await buildMallItem({ pointsPrice: 100, cashFen: 2000, stock: STOCK, limitPerMember: 5 }),
      charity: await buildMallItem({ kind: 'charity', pointsPrice: 100, cashFen: 0, stock: STOCK, limitPerMember: 5 }),
    };
    const runs: { scenario: Scenario; member: Member }[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      const { member } = await buildPointsLot({ points: POINTS, earnedAt: clock.now });
      await scenario.crash({ member, item: items[scenario.item], key: `crash-scenario-${index}` });
      runs.push({ scenario, member });
    }
    for (const { scenario, member } of runs) {
      const order = await MallOrderModel.findOne({ buyerMemberId: member._id }).lean();
      if (!order) throw new Error(`${scenario.name}: no order`);
      expect([scenario.name, ['fulfilled', 'cancelled', 'refunded'].includes(order.status)]).toEqual([scenario.name, false]);
      await scenario.meanwhile?.(order);
    }

    // The jobs run as the scheduler would, past the payment window and the sweeper's grace; twice, because a
    // cash refund asked of WeChat by the first sweep settles in between.
    clock.now = new Date(clock.now.getTime() + 16 * MINUTE);
    await runOrderJobs();
    for (const order of await MallOrderModel.find({ status: 'refunding' }).lean()) {
      if (order.refund?.status === 'PROCESSING') sandbox().pay.settleRefund(`R${order.orderNo}`, 'SUCCESS');
    }
    clock.now = new Date(clock.now.getTime() + 3 * MINUTE);
    await runOrderJobs();

    for (const { scenario, member } of runs) {
      const memberId = member._id.toHexString();
      const order = await MallOrderModel.findOne({ buyerMemberId: member._id }).lean();
      const id = order?._id.toHexString() ?? '';
      expect([scenario.name, order?.status]).toEqual([scenario.name, scenario.ends]);
      const spent = scenario.ends === 'fulfilled' ? 100 : 0;
      const earned = scenario.ends === 'fulfilled' && scenario.item === 'cash' ? 20 : 0;
      expect([scenario.name, await auditPointsAccount(memberId)]).toEqual([
        scenario.name,
        { balance: POINTS - spent + earned, ledgerSum: POINTS - spent + earned, lotsSum: POINTS - spent + earned, pendingCount: 0, negativeLots: 0, consistent: true },
      ]);
      expect([scenario.name, await PointsEntryModel.countDocuments({ key: pointsEarnKey(id), state: 'applied' })]).toEqual([scenario.name, earned > 0 || (scenario.ends === 'refunded' && scenario.item === 'cash') ? 1 : 0]);
      expect([scenario.name, await PointsEntryModel.countDocuments({ key: pointsClawbackKey(id), state: 'applied' })]).toEqual([scenario.name, scenario.ends === 'refunded' && scenario.item === 'cash' ? 1 : 0]);
      // The events: a cash payment and its refund once each, and one event per applied earn or spend entry.
      const paidInCash = scenario.item === 'cash' && scenario.ends !== 'cancelled';
      const refundedCash = scenario.item === 'cash' && scenario.ends === 'refunded';
      expect([scenario.name, await EventModel.countDocuments({ key: `order.paid:${id}` }), await EventModel.countDocuments({ key: `order.refunded:${id}` })]).toEqual([
        scenario.name,
        paidInCash ? 1 : 0,
        refundedCash ? 1 : 0,
      ]);
      const pointsEntries = await PointsEntryModel.find({ memberId: member._id, state: 'applied', kind: { $in: ['earn', 'spend'] } }).lean();
      const pointsEvents = await EventModel.find({ memberId: member._id, type: { $in: ['points.earned', 'points.spent'] } }).lean();
      expect([scenario.name, pointsEvents.map((event) => event.key).sort()]).toEqual([
        scenario.name,
        pointsEntries.map((entry) => `${entry.kind === 'earn' ? 'points.earned' : 'points.spent'}:${entry._id.toHexString()}`).sort(),
      ]);
      const counter = await RedemptionLimitModel.findById(order?.limitKey).lean();
      const counts = scenario.ends === 'fulfilled' ? 1 : 0;
      expect([scenario.name, counter?.count ?? 0, counter?.orders.length ?? 0]).toEqual([scenario.name, counts, counts]);
      if (scenario.item === 'charity') {
        const certificates = await DonationCertificateModel.find({ orderId: order?._id }).lean();
        expect([scenario.name, certificates.map((certificate) => certificate.certificateNo)]).toEqual([scenario.name, [order?.fulfilment?.type === 'donation' ? order.fulfilment.certificateNo : 'none']]);
      }
      if (order?.prepay && scenario.ends === 'cancelled') expect([scenario.name, sandbox().pay.order(order.orderNo)?.trade_state]).toEqual([scenario.name, 'CLOSED']);
    }

    for (const item of Object.values(items)) {
      const stored = await MallItemModel.findById(item._id).lean();
      const kept = await MallOrderModel.countDocuments({ itemId: item._id, status: 'fulfilled' });
      expect(stored?.reservedOrders).toEqual([]);
      expect((stored?.stock ?? 0) + kept).toBe(STOCK);
    }
  }, 300_000);
});
