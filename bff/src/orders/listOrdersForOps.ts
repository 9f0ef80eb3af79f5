import type { OpsOrderFilters } from '@cakeday/shared';
import { isValidObjectId, Types, type QueryFilter } from 'mongoose';
import { notFound } from '../errors/AppError';
import { MemberModel } from '../members/Member.model';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { presentOrderForOps } from './presentOrderForOps';

/** The filters of the ops order table and export as one query. */
export function opsOrderQuery(filters: OpsOrderFilters): QueryFilter<MallOrder> {
  const query: QueryFilter<MallOrder> = {};
  if (filters.status) query.status = filters.status;
  if (filters.orderNo) query.orderNo = filters.orderNo;
  if (filters.memberId) {
    const member = new Types.ObjectId(filters.memberId);
    query.$or = [{ buyerMemberId: member }, { recipientMemberId: member }];
  }
  if (filters.createdFrom || filters.createdTo) {
    query.createdAt = { ...(filters.createdFrom ? { $gte: new Date(filters.createdFrom) } : {}), ...(filters.createdTo ? { $lt: new Date(filters.createdTo) } : {}) };
  }
  // An open flag has no resolvedAt (absent on flags raised before resolving existed, null after).
  if (filters.flaggedOnly) query.flags = { $elemMatch: { resolvedAt: null } };
  return query;
}

/** Newest first. */
export async function listOrdersForOps(input: OpsOrderFilters & { page: number; pageSize: number }): Promise<{ items: MallOrder[]; total: number }> {
  const query = opsOrderQuery(input);
  const [items, total] = await Promise.all([
    MallOrderModel.find(query).sort({ createdAt: -1, _id: -1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    MallOrderModel.countDocuments(query),
  ]);
  return { items, total };
}

export async function loadOrderForOps(orderId: string): Promise<MallOrder> {
  const order = isValidObjectId(orderId) ? await MallOrderModel.findById(orderId).lean() : null;
  if (!order) throw notFound();
  return order;
}

/** The detail view, with the buyer's tier and masked nickname. */
export async function describeOrderForOps(order: MallOrder) {
  const buyer = await MemberModel.findById(order.buyerMemberId, { nickname: 1, tier: 1 }).lean();
  return presentOrderForOps(order, buyer ? { nickname: buyer.nickname, tier: buyer.tier.level } : null);
}
