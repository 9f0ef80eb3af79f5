import type { OpsPurchaseDetail } from '@cakeday/shared';
import { isValidObjectId } from 'mongoose';
import { CouponModel } from '../coupons/Coupon.model';
import { notFound } from '../errors/AppError';
import type { OperatorPrincipal } from '../http/context';
import { IntegrationModel } from '../integrations/Integration.model';
import { assertCanReach } from '../operators/opsAccess';
import { PosPurchaseModel } from '../pos/PosPurchase.model';
import { PosRefundModel } from '../pos/PosRefund.model';
import { presentPurchaseForOps } from './listPurchasesForOps';

/**
 * ops.purchases.get: one purchase with its lines, coupons and every refund reported for its receipt (with the points
 * each took back and gave back); 404 for another store's purchase, so a store manager cannot probe ids.
 */
export async function getPurchaseForOps(id: string, operator: Pick<OperatorPrincipal, 'ability'>): Promise<OpsPurchaseDetail> {
  const purchase = isValidObjectId(id) ? await PosPurchaseModel.findById(id).lean() : null;
  if (!purchase) throw notFound();
  assertCanReach(operator, 'read', 'Purchase', { storeId: purchase.storeId?.toHexString() ?? null });
  const [integration, coupons, refunds] = await Promise.all([
    IntegrationModel.findById(purchase.integrationId, { name: 1 }).lean(),
    CouponModel.find({ _id: { $in: purchase.couponIds } }, { title: 1, status: 1 }).lean(),
    PosRefundModel.find({ integrationId: purchase.integrationId, receiptNo: purchase.receiptNo }).sort({ refundedAt: 1, _id: 1 }).lean(),
  ]);
  return {
    ...presentPurchaseForOps(purchase),
    integrationName: integration?.name ?? null,
    lines: purchase.lines.map((line) => ({ sku: line.sku, name: line.name, qty: line.qty, amountFen: line.amountFen })),
    coupons: coupons.map((coupon) => ({ id: coupon._id.toHexString(), title: coupon.title, status: coupon.status })),
    refundRecords: refunds.map((refund) => ({
      refundNo: refund.refundNo,
      refundFen: refund.refundFen,
      at: refund.refundedAt.toISOString(),
      state: refund.state,
      refusal: refund.refusal,
      pointsClawedBack: refund.pointsClawedBack,
      pointsReturned: refund.pointsReturned ?? 0,
      couponsRestored: refund.couponsRestored.length,
    })),
  };
}
