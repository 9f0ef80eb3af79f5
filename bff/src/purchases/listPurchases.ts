import { purchaseStatusLabels, toBusinessIso, type Purchase, type PurchasesListResponse } from '@cakeday/shared';
import { isValidObjectId, Types, type QueryFilter } from 'mongoose';
import { PosPurchaseModel, type PosPurchase } from '../pos/PosPurchase.model';

function presentPurchase(purchase: PosPurchase): Purchase {
  const status = purchase.refundedFen <= 0 ? 'completed' : purchase.refundedFen >= purchase.paidFen ? 'refunded' : 'partially_refunded';
  return {
    id: purchase._id.toHexString(),
    receiptNo: purchase.receiptNo,
    where: purchase.storeName ?? '线上商城',
    purchasedAt: toBusinessIso(purchase.purchasedAt),
    lines: purchase.lines.map((line) => ({ name: line.name, qty: line.qty, amountFen: line.amountFen })),
    paidFen: purchase.paidFen,
    discountFen: purchase.discountFen,
    refundedFen: purchase.refundedFen,
    pointsEarned: purchase.pointsEarned,
    couponsUsed: purchase.couponIds.length,
    status,
    statusLabel: purchaseStatusLabels[status],
  };
}

/** purchases.list: the member's settled till and online-shop purchases, newest first (by id: cursor-friendly). */
export async function listPurchases(memberId: string, input: { cursor?: string; limit: number }): Promise<PurchasesListResponse> {
  const filter: QueryFilter<PosPurchase> = { memberId: new Types.ObjectId(memberId), state: 'settled' };
  if (input.cursor && isValidObjectId(input.cursor)) filter._id = { $lt: new Types.ObjectId(input.cursor) };
  const rows = await PosPurchaseModel.find(filter).sort({ _id: -1 }).limit(input.limit + 1).lean();
  const page = rows.slice(0, input.limit);
  return { items: page.map(presentPurchase), nextCursor: rows.length > input.limit ? (page[page.length - 1]?._id.toHexString() ?? null) : null };
}
