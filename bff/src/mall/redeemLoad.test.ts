import request from 'supertest';
import { useAppInstances } from '../test/appInstances';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { MallOrderModel } from '../orders/MallOrder.model';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { MallItemModel } from './MallItem.model';
import { RedemptionLimitModel } from './RedemptionLimit.model';

useTestDatabase();

const MEMBERS = 300;
const REQUESTS = 1000;
const STOCK = 100;
const PRICE = 100;
const LIMIT = 2;

/** Four app instances on one database (as in points/concurrency.test.ts): they meet only in the database. */
describe('1000 concurrent redemptions over four instances', () => {
  // One instant for the whole run: the per-day limit's period must not turn over mid-run (a slow run across 16:00 UTC,
  // midnight in Shanghai, would give each member a second day's two units).
  const now = new Date();
  const instance = useAppInstances(4, { now: () => now });

  it('stock 100, 300 members: exactly 100 fulfilled, no balance below zero, ledgers agree, limits hold', async () => {
    const item = await buildMallItem({ pointsPrice: PRICE, stock: STOCK, limitPerMember: LIMIT, limitPeriod: 'day' });
    // Every third member can afford only one unit, so points refusals race with stock and limit refusals.
    const members = await Promise.all(
      Array.from({ length: MEMBERS }, async (_unused, index) => {
        const { member } = await buildPointsLot({ points: index % 3 === 0 ? 150 : 1000 });
        return { member, token: await sessionFor(member), points: index % 3 === 0 ? 150 : 1000 };
      }),
    );

    const responses = await Promise.all(
      Array.from({ length: REQUESTS }, (_unused, index) => {
        const buyer = members[index % MEMBERS];
        return request(instance(index))
          .post('/api/mall.redeem')
          .set('Authorization', buyer?.token ?? '')
          .send({ itemId: item._id.toHexString(), qty: 1, idempotencyKey: `load-key-${index}` });
      }),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(STOCK);
    expect(statuses.filter((status) => status === 409)).toHaveLength(REQUESTS - STOCK);
    const refusals = new Set(responses.filter((response) => response.status === 409).map((response) => String(response.body.error.code)));
    expect([...refusals].every((code) => ['MALL_SOLD_OUT', 'MALL_LIMIT_REACHED', 'POINTS_INSUFFICIENT'].includes(code))).toBe(true);

    expect(await MallOrderModel.countDocuments({ itemId: item._id, status: 'fulfilled' })).toBe(STOCK);
    expect(await MallOrderModel.countDocuments({ itemId: item._id, status: { $nin: ['fulfilled', 'cancelled'] } })).toBe(0);
    const stored = await MallItemModel.findById(item._id).lean();
    expect(stored?.stock).toBe(0);
    expect(stored?.reservedOrders).toEqual([]);

    const fulfilled = await MallOrderModel.find({ itemId: item._id, status: 'fulfilled' }, { buyerMemberId: 1, limitKey: 1 }).lean();
    const perBuyer = new Map<string, number>();
    for (const order of fulfilled) perBuyer.set(order.buyerMemberId.toHexString(), (perBuyer.get(order.buyerMemberId.toHexString()) ?? 0) + 1);
    expect(Math.max(...perBuyer.values())).toBeLessThanOrEqual(LIMIT);
    const counters = await RedemptionLimitModel.find({ _id: { $in: [...new Set(fulfilled.map((order) => order.limitKey))] } }).lean();
    for (const counter of counters) {
      expect(counter.count).toBe(counter.orders.length);
      expect(counter.count).toBe(perBuyer.get(counter._id.split(':')[0] ?? '') ?? 0);
    }

    for (const { member, points } of members) {
      const memberId = member._id.toHexString();
      const audit = await auditPointsAccount(memberId);
      expect(audit).toMatchObject({ consistent: true, pendingCount: 0, negativeLots: 0 });
      expect(audit.balance).toBe(points - PRICE * (perBuyer.get(memberId) ?? 0));
      expect(audit.balance).toBeGreaterThanOrEqual(0);
    }
    expect(await PointsAccountModel.countDocuments({ balance: { $lt: 0 } })).toBe(0);
  }, 600_000);
});
