import type { OpsPurchase } from '@cakeday/shared';
import { Types, type QueryFilter } from 'mongoose';
import type { OperatorPrincipal } from '../http/context';
import { accessibleFilter, assertCanName, withinAccess } from '../operators/opsAccess';
import { PosPurchaseModel, type PosPurchase } from '../pos/PosPurchase.model';

type Operator = Pick<OperatorPrincipal, 'ability'>;

export function presentPurchaseForOps(purchase: PosPurchase): OpsPurchase {
  return {
    id: purchase._id.toHexString(),
    receiptNo: purchase.receiptNo,
    channel: purchase.channel,
    store: purchase.storeId ? { id: purchase.storeId.toHexString(), name: purchase.storeName ?? '' } : null,
    memberId: purchase.memberId.toHexString(),
    purchasedAt: purchase.purchasedAt.toISOString(),
    totalFen: purchase.totalFen,
    discountFen: purchase.discountFen,
    paidFen: purchase.paidFen,
    refundedFen: purchase.refundedFen,
    pointsEarned: purchase.pointsEarned,
    pointsRedeemed: purchase.pointsRedeemed ?? 0,
    pointsRedeemedFen: purchase.pointsRedeemedFen ?? 0,
    couponsUsed: purchase.couponIds.length,
    tierBefore: purchase.tierBefore,
    tierAfter: purchase.tierAfter,
    state: purchase.state,
    refunds: purchase.refunds.map((refund) => ({ refundNo: refund.refundNo, refundFen: refund.refundFen, at: refund.at.toISOString() })),
  };
}

export interface OpsPurchaseFilters {
  storeId?: string;
  memberId?: string;
  receiptNo?: string;
  from?: string;
  to?: string;
}

/**
 * ops.purchases.list: newest first, under the operator's conditions (a store manager's `{ storeId }`, joined with
 * `$and`); naming a store the operator may not read is 403. from/to bound the purchase time (to exclusive).
 */
export async function listPurchasesForOps(input: { page: number; pageSize: number } & OpsPurchaseFilters, operator: Operator): Promise<{ items: OpsPurchase[]; total: number }> {
  if (input.storeId) assertCanName(operator, 'read', 'Purchase', { storeId: input.storeId });
  const access = accessibleFilter(operator, 'read', 'Purchase');
  if (!access) return { items: [], total: 0 };
  const filter: QueryFilter<PosPurchase> = {};
  if (input.storeId) filter.storeId = new Types.ObjectId(input.storeId);
  if (input.memberId) filter.memberId = new Types.ObjectId(input.memberId);
  if (input.receiptNo) filter.receiptNo = input.receiptNo;
  if (input.from || input.to) filter.purchasedAt = { ...(input.from ? { $gte: new Date(input.from) } : {}), ...(input.to ? { $lt: new Date(input.to) } : {}) };
  const query = withinAccess(access, filter);
  const [items, total] = await Promise.all([
    PosPurchaseModel.find(query).sort({ purchasedAt: -1, _id: -1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    PosPurchaseModel.countDocuments(query),
  ]);
  return { items: items.map(presentPurchaseForOps), total };
}
