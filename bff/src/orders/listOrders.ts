import type { OrdersListRequest } from '@cakeday/shared';
import { isValidObjectId, Types, type QueryFilter } from 'mongoose';
import { MallOrderModel, type MallOrder } from './MallOrder.model';

const FILTERS: Record<OrdersListRequest['filter'], QueryFilter<MallOrder>> = {
  all: {},
  awaiting_payment: { status: { $in: ['stock_reserved', 'awaiting_payment'] }, cashTotalFen: { $gt: 0 } },
  fulfilled: { status: 'fulfilled' },
  closed: { status: { $in: ['cancelled', 'refunded'] } },
};

/** Orders the member bought or received as gifts, newest first. */
export async function listOrders(memberId: string, input: OrdersListRequest): Promise<{ orders: MallOrder[]; nextCursor: string | null }> {
  const member = new Types.ObjectId(memberId);
  const filter: QueryFilter<MallOrder> = { $or: [{ buyerMemberId: member }, { recipientMemberId: member }], ...FILTERS[input.filter] };
  if (input.cursor && isValidObjectId(input.cursor)) filter._id = { $lt: new Types.ObjectId(input.cursor) };
  const rows = await MallOrderModel.find(filter).sort({ _id: -1 }).limit(input.limit + 1).lean();
  const page = rows.slice(0, input.limit);
  return { orders: page, nextCursor: rows.length > input.limit ? (page[page.length - 1]?._id.toHexString() ?? null) : null };
}
