import type { ErrorCode } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import { eventKey, recordEvent } from '../events/recordEvent';
import { earnPoints } from '../points/earnPoints';
import { recordPaidSpend } from '../tiers/recordPaidSpend';
import { crashPoint, type PosContext } from './posContext';
import { PosPurchaseModel, posEarnKey, posSpendKey, purchaseKeyOf, type PosPurchase } from './PosPurchase.model';
import { settleWaitingRefunds } from './settleRefund';

async function reload(purchase: PosPurchase): Promise<PosPurchase> {
  const stored = await PosPurchaseModel.findById(purchase._id).lean();
  if (!stored) throw new Error(`pos purchase ${purchase._id.toHexString()} vanished`);
  return stored;
}

/** Gives back what the purchase took (its coupons, its code), then refuses it: a retry then refuses it again. */
async function refuse(purchase: PosPurchase, refusal: ErrorCode, context: PosContext): Promise<PosPurchase> {
  const key = purchaseKeyOf(purchase);
  await CouponModel.updateMany(
    { _id: { $in: purchase.couponIds }, status: 'used', usedPurchaseKey: key },
    { $set: { status: 'available', usedAt: null, usedStoreId: null, usedStoreName: null, usedPurchaseKey: null, updatedAt: context.now } },
  );
  if (purchase.memberCodeId) await MemberCodeModel.updateOne({ _id: purchase.memberCodeId, usedByPurchaseKey: key }, { $set: { usedByPurchaseKey: null, usedAt: null } });
  await PosPurchaseModel.updateOne({ _id: purchase._id, state: 'recorded' }, { $set: { state: 'refused', refusal, settledAt: context.now, nextAttemptAt: null } });
  return reload(purchase);
}

/** Writes off each coupon once for this purchase; false when one was used elsewhere (a staff scan of its own QR). */
async function writeOffCoupons(purchase: PosPurchase, context: PosContext): Promise<boolean> {
  const key = purchaseKeyOf(purchase);
  for (const couponId of purchase.couponIds) {
    const written = await CouponModel.updateOne(
      { _id: couponId, memberId: purchase.memberId, status: 'available' },
      { $set: { status: 'used', usedAt: context.now, usedStoreId: purchase.storeId, usedStoreName: purchase.storeName, usedByStaffMemberId: null, usedPurchaseKey: key, updatedAt: context.now } },
    );
    if (written.modifiedCount === 1) continue;
    if (!(await CouponModel.exists({ _id: couponId, status: 'used', usedPurchaseKey: key }))) return false;
  }
  return true;
}

/**
 * Finishes a recorded purchase, each step idempotent by the purchase: its member code is used (once, by this
 * purchase), its coupons are written off, its points are earned (pending → applied through the ledger), its spend is
 * counted (the tier goes up at once), then it is settled and refunds that arrived first are settled. Safe to run any
 * number of times, concurrently too; a crash anywhere is finished by the next run (a replay or pos.settle).
 */
export async function settlePurchase(recorded: PosPurchase, context: PosContext): Promise<PosPurchase> {
  if (recorded.state !== 'recorded') return recorded;
  const purchase = recorded;
  const key = purchaseKeyOf(purchase);
  if (purchase.memberCodeId) {
    const code = await MemberCodeModel.updateOne({ _id: purchase.memberCodeId, usedByPurchaseKey: { $in: [null, key] } }, { $set: { usedByPurchaseKey: key, usedAt: context.now } });
    if (code.matchedCount !== 1) return refuse(purchase, 'MEMBER_CODE_USED', context);
  }
  crashPoint(context, 'code_used');
  if (!(await writeOffCoupons(purchase, context))) return refuse(purchase, 'COUPON_NOT_AVAILABLE', context);
  crashPoint(context, 'coupons_written_off');
  const memberId = purchase.memberId.toHexString();
  if (purchase.pointsEarned > 0) {
    const where = purchase.storeName ? `门店消费（${purchase.storeName}）` : '线上消费';
    await earnPoints(
      { memberId, points: purchase.pointsEarned, idempotencyKey: posEarnKey(purchase._id), reasonCode: 'pos_purchase', reason: `${where}获得积分：小票 ${purchase.receiptNo}`, reference: { type: 'pos_purchase', id: purchase._id.toHexString() } },
      { now: context.now, settings: await context.settingsSource.version(purchase.settingsVersion), queue: context.queue },
    );
  }
  crashPoint(context, 'points_earned');
  const tierAfter =
    purchase.paidFen > 0
      ? await recordPaidSpend(
          { memberId, amountFen: purchase.paidFen, idempotencyKey: posSpendKey(purchase._id), paidAt: purchase.purchasedAt, reference: `POS ${purchase.receiptNo}` },
          { now: context.now, thresholds: context.settings.settings.tiers },
        )
      : purchase.tierBefore;
  crashPoint(context, 'spend_recorded');
  const subject = { type: 'purchase', id: purchase._id.toHexString() };
  await recordEvent(
    { type: 'purchase.recorded', key: eventKey('purchase.recorded', subject.id), at: purchase.purchasedAt, memberId: purchase.memberId, subject, props: { amountFen: purchase.paidFen, pointsEarned: purchase.pointsEarned, channel: purchase.channel, storeId: purchase.storeId?.toHexString() ?? null } },
    context.now,
  );
  await PosPurchaseModel.updateOne({ _id: purchase._id, state: 'recorded' }, { $set: { state: 'settled', tierAfter, settledAt: context.now, nextAttemptAt: null } });
  const settled = await reload(purchase);
  await settleWaitingRefunds(settled, context);
  return reload(purchase);
}
