import type { ErrorCode } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import { eventKey, recordEvent } from '../events/recordEvent';
import { AppError } from '../errors/AppError';
import { earnPoints } from '../points/earnPoints';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { reversePoints } from '../points/reversePoints';
import { spendPoints } from '../points/spendPoints';
import { recordPaidSpend } from '../tiers/recordPaidSpend';
import { crashPoint, type PosContext } from './posContext';
import { PosPurchaseModel, posEarnKey, posRedeemKey, posRedeemReturnKey, posSpendKey, purchaseKeyOf, type PosPurchase } from './PosPurchase.model';
import { settleWaitingRefunds } from './settleRefund';

async function reload(purchase: PosPurchase): Promise<PosPurchase> {
  const stored = await PosPurchaseModel.findById(purchase._id).lean();
  if (!stored) throw new Error(`pos purchase ${purchase._id.toHexString()} vanished`);
  return stored;
}

/** The points that paid part of the bill, back in full: only when the ledger took them (a refusal after that step). */
async function returnRedeemedPoints(purchase: PosPurchase, context: PosContext): Promise<void> {
  if ((purchase.pointsRedeemed ?? 0) <= 0) return;
  const taken = await PointsEntryModel.findOne({ key: posRedeemKey(purchase._id), state: 'applied' }, { _id: 1 }).lean();
  if (!taken) return;
  await reversePoints(
    {
      memberId: purchase.memberId.toHexString(),
      reversesKey: posRedeemKey(purchase._id),
      idempotencyKey: posRedeemReturnKey(purchase._id),
      reasonCode: 'pos_redeem_returned',
      reason: `消费未完成，退回抵现积分：小票 ${purchase.receiptNo}`,
      reference: { type: 'pos_purchase', id: purchase._id.toHexString() },
    },
    { now: context.now, queue: context.queue },
  );
}

/** Gives back what the purchase took (its coupons, its code, its points), then refuses it: a retry refuses it again. */
async function refuse(purchase: PosPurchase, refusal: ErrorCode, context: PosContext): Promise<PosPurchase> {
  const key = purchaseKeyOf(purchase);
  await returnRedeemedPoints(purchase, context);
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
 * Takes the points that pay part of the bill, once per purchase (the ledger's key is the purchase's): a replay, a
 * duplicate or pos.settle finds the entry already applied. The refusal's code when the balance falls short.
 */
async function redeemPoints(purchase: PosPurchase, context: PosContext): Promise<ErrorCode | null> {
  const points = purchase.pointsRedeemed ?? 0;
  if (points <= 0) return null;
  const where = purchase.storeName ? `门店消费（${purchase.storeName}）` : '线上消费';
  try {
    await spendPoints(
      { memberId: purchase.memberId.toHexString(), points, idempotencyKey: posRedeemKey(purchase._id), reasonCode: 'pos_points_payment', reason: `${where}积分抵现 ¥${(purchase.pointsRedeemedFen ?? 0) / 100}：小票 ${purchase.receiptNo}`, reference: { type: 'pos_purchase', id: purchase._id.toHexString() } },
      { now: context.now, queue: context.queue },
    );
    return null;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'POINTS_INSUFFICIENT' || error.code === 'POINTS_BALANCE_NEGATIVE')) return error.code;
    throw error;
  }
}

/**
 * Finishes a recorded purchase, each step idempotent by the purchase: its member code is used (once, by this
 * purchase), its coupons are written off, the points paying part of it are taken, its points are earned (pending → applied through the ledger), its spend is
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
  const redeemed = await redeemPoints(purchase, context);
  if (redeemed !== null) return refuse(purchase, redeemed, context);
  crashPoint(context, 'points_redeemed');
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
          { now: context.now, thresholds: context.settings.settings.tiers, afterTierWrite: () => crashPoint(context, 'tier_written') },
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
