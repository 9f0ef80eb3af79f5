import { Types } from 'mongoose';
import { CouponModel } from '../../../bff/src/coupons/Coupon.model';
import { MallItemModel } from '../../../bff/src/mall/MallItem.model';
import { MallOrderModel } from '../../../bff/src/orders/MallOrder.model';
import { auditPointsAccount } from '../../../bff/src/points/auditPointsAccount';
import { PointsAccountModel } from '../../../bff/src/points/PointsAccount.model';
import { seedScarceItem } from '../fixtures/mall';
import { memberHeaders, seedMembers, type BenchMember } from '../fixtures/members';
import type { PlannedRequest } from '../load/plannedLoad';
import { expectEqual, scaled, type BenchCheck, type Scenario } from '../scenario';

const CONNECTIONS = 200;
const REQUESTS = 1000;
const MEMBERS = 300;
const STOCK = 100;
const PRICE = 100;
const POINTS_EACH = 10_000;
const GROUP = 4;

const errorCodeOf = (body: unknown): string | undefined =>
  (body as { error?: { code?: string } } | undefined)?.error?.code;

/**
 * mall.redeem contention: 1,000 checkouts from 300 members for a 100-stock item at 200 connections over two instances.
 * Exactly 100 succeed, the rest are told MALL_SOLD_OUT, and no point is lost or spent twice.
 */
export const mallRedeemScenario: Scenario = {
  name: 'mall.redeem',
  summary: 'mall.redeem contention: 1,000 requests, 300 members, a 100-stock item, 200 connections over 2 instances',
  instances: 2,
  group: GROUP,
  async run(context) {
    const stock = scaled(STOCK, context.scale);
    const requestCount = scaled(REQUESTS, context.scale);
    const members = await seedMembers({ group: GROUP, count: scaled(MEMBERS, context.scale), points: POINTS_EACH }, context.secrets, context.now);
    const item = await seedScarceItem(stock, PRICE, context.now);
    const itemId = item._id.toHexString();
    const requests: PlannedRequest[] = Array.from({ length: requestCount }, (_, n) => ({
      target: n,
      path: '/api/mall.redeem',
      headers: memberHeaders(members[n % members.length] as BenchMember),
      body: JSON.stringify({ itemId, qty: 1, idempotencyKey: `bench-redeem-${n}` }),
    }));
    const refusals: Record<string, number> = {};
    let fulfilledAnswers = 0;
    const measurement = await context.planned('mall.redeem', {
      targets: context.bff.slice(0, 2),
      requests,
      connections: CONNECTIONS,
      expectStatus: (status) => status === 200 || status === 409,
      onAnswer: (_request, status, body) => {
        if (status === 200 && (body as { order?: { status?: string } }).order?.status === 'fulfilled') fulfilledAnswers += 1;
        if (status !== 200) refusals[errorCodeOf(body) ?? `HTTP_${status}`] = (refusals[errorCodeOf(body) ?? `HTTP_${status}`] ?? 0) + 1;
      },
    });

    const orders = await MallOrderModel.find({ itemId: item._id }, { status: 1, buyerMemberId: 1 }).lean();
    const fulfilled = orders.filter((order) => order.status === 'fulfilled');
    const stockLeft = (await MallItemModel.findById(item._id, { stock: 1 }).lean())?.stock ?? -1;
    const memberIds = members.map((member) => new Types.ObjectId(member.id));
    const coupons = await CouponModel.countDocuments({ memberId: { $in: memberIds }, templateCode: item.couponTemplateCode });
    const audits = await Promise.all(members.map((member) => auditPointsAccount(member.id)));
    const balances = await PointsAccountModel.find({ _id: { $in: memberIds } }, { balance: 1 }).lean();
    const spent = members.length * POINTS_EACH - balances.reduce((sum, account) => sum + account.balance, 0);
    const checks: BenchCheck[] = [
      expectEqual('mall.redeem', 'answered 200 with a fulfilled order', fulfilledAnswers, stock),
      expectEqual('mall.redeem', 'refused MALL_SOLD_OUT', refusals.MALL_SOLD_OUT ?? 0, requestCount - stock),
      expectEqual('mall.redeem', 'fulfilled orders stored', fulfilled.length, stock),
      expectEqual('mall.redeem', 'stock left', stockLeft, 0),
      expectEqual('mall.redeem', 'coupons issued for the orders', coupons, stock),
      expectEqual('mall.redeem', 'points spent', spent, stock * PRICE),
      expectEqual('mall.redeem', 'points accounts agreeing with their ledger', audits.filter((audit) => audit.consistent).length, members.length),
    ];
    return { rows: [{ name: 'mall.redeem', kind: 'route', connections: CONNECTIONS, instances: 2, measurement }], checks };
  },
};
