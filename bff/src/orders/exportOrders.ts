import { opsOrderStatusLabels, toBusinessIso, type OpsOrderFilters } from '@cakeday/shared';
import type { Types } from 'mongoose';
import type { CsvExport } from '../http/routeHandler';
import { opsOrderQuery } from './listOrdersForOps';
import { MallOrderModel, type MallOrder } from './MallOrder.model';

const BATCH = 500;
const iso = (date: Date | null): string | null => (date ? toBusinessIso(date) : null);

/**
 * Orders as CSV, oldest first, read in batches by id (never all in memory). No personal data: members appear by
 * their ids only (the member table resolves them for those allowed to see more).
 */
export async function exportOrders(filters: OpsOrderFilters, now: Date): Promise<CsvExport> {
  const query = opsOrderQuery(filters);
  const total = await MallOrderModel.countDocuments(query);
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['订单号', '下单时间', '状态', '商品', '类型', '数量', '积分', '现金（元）', '买家会员ID', '收礼会员ID', '支付时间', '微信支付单号', '退款状态', '退款时间', '待处理异常'];
    let after: Types.ObjectId | null = null;
    for (;;) {
      const batch: MallOrder[] = await MallOrderModel.find({ ...query, ...(after ? { _id: { $gt: after } } : {}) }).sort({ _id: 1 }).limit(BATCH).lean();
      for (const order of batch) {
        yield [
          order.orderNo,
          toBusinessIso(order.createdAt),
          opsOrderStatusLabels[order.status],
          order.item.title,
          order.item.kind,
          order.qty,
          order.pointsTotal,
          (order.cashTotalFen / 100).toFixed(2),
          order.buyerMemberId.toHexString(),
          order.recipientMemberId?.toHexString() ?? null,
          iso(order.paidAt),
          order.payment?.transactionId ?? null,
          order.refund?.status ?? null,
          iso(order.refundedAt),
          order.flags.filter((flag) => !flag.resolvedAt).map((flag) => flag.reason).join('|') || null,
        ];
        after = order._id;
      }
      if (batch.length < BATCH) return;
    }
  }
  return { filename: `orders-${toBusinessIso(now).slice(0, 10)}.csv`, total, rows: rows() };
}
