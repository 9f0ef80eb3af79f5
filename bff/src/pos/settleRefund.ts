import { clawbackPoints, type ErrorCode } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import { unavailable } from '../errors/AppError';
import { eventKey, recordEvent } from '../events/recordEvent';
import { reversePoints } from '../points/reversePoints';
import { recordPaidSpend } from '../tiers/recordPaidSpend';
import { crashPoint, type PosContext } from './posContext';
import { PosPurchaseModel, posEarnKey, posRedeemKey, posRefundPointsKey, posRefundRedeemKey, posRefundSpendKey, purchaseKeyOf, type PosPurchase } from './PosPurchase.model';
import { PosRefundModel, type PosRefund } from './PosRefund.model';

type ClaimedRefund = PosPurchase['refunds'][number];
const CLAIM_ATTEMPTS = 40;

async function reload(refund: PosRefund): Promise<PosRefund> {
  const stored = await PosRefundModel.findById(refund._id).lean();
  if (!stored) throw new Error(`pos refund ${refund._id.toHexString()} vanished`);
  return stored;
}

async function refuse(refund: PosRefund, refusal: ErrorCode, context: PosContext): Promise<PosRefund> {
  await PosRefundModel.updateOne({ _id: refund._id, state: 'waiting' }, { $set: { state: 'refused', refusal, settledAt: context.now, nextAttemptAt: null } });
  return reload(refund);
}

/**
 * Claims the refund on its purchase, once: the purchase's `refunds` list names it and `refundedFen` grows by
 * compare-and-set, so two refunds at once never refund more than was paid and each knows what came before it.
 * null when it would refund more than is left.
 */
async function claimRefund(purchase: PosPurchase, refund: PosRefund): Promise<ClaimedRefund | null> {
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
    const current = await PosPurchaseModel.findById(purchase._id, { refunds: 1, refundedFen: 1, paidFen: 1 }).lean();
    if (!current) throw new Error(`pos purchase ${purchase._id.toHexString()} vanished`);
    const claimed = current.refunds.find((entry) => entry.refundNo === refund.refundNo);
    if (claimed) return claimed;
    if (current.refundedFen + refund.refundFen > current.paidFen) return null;
    const entry: ClaimedRefund = { refundNo: refund.refundNo, refundFen: refund.refundFen, refundedBeforeFen: current.refundedFen, at: refund.refundedAt };
    const written = await PosPurchaseModel.updateOne(
      { _id: purchase._id, state: 'settled', refundedFen: current.refundedFen, 'refunds.refundNo': { $ne: refund.refundNo } },
      { $inc: { refundedFen: refund.refundFen }, $push: { refunds: entry } },
    );
    if (written.modifiedCount === 1) return entry;
  }
  throw unavailable(new Error(`pos refund ${refund.refundNo} lost ${CLAIM_ATTEMPTS} claim rounds`));
}

/** A whole refund gives back the coupons the purchase wrote off, those still valid. */
async function restoreCoupons(purchase: PosPurchase, context: PosContext): Promise<PosPurchase['couponIds']> {
  const key = purchaseKeyOf(purchase);
  await CouponModel.updateMany(
    { _id: { $in: purchase.couponIds }, status: 'used', usedPurchaseKey: key, validUntil: { $gt: context.now } },
    { $set: { status: 'available', usedAt: null, usedStoreId: null, usedStoreName: null, updatedAt: context.now } },
  );
  const restored = await CouponModel.find({ _id: { $in: purchase.couponIds }, status: 'available', usedPurchaseKey: key }, { _id: 1 }).lean();
  return restored.map((coupon) => coupon._id);
}

/**
 * Settles a waiting refund once its purchase is settled: claimed on the purchase, the points clawed back in
 * proportion (the ledger's reversal: points already spent leave the balance negative, explained in 积分明细, and
 * later earnings repay it first), the spend taken back, and on a whole refund the coupons restored. Each step is
 * keyed by the purchase and refund number, so a replay or pos.settle finishes a crashed one.
 */
export async function settleRefund(waiting: PosRefund, context: PosContext, settlePurchase?: (purchase: PosPurchase) => Promise<PosPurchase>): Promise<PosRefund> {
  if (waiting.state !== 'waiting') return waiting;
  let purchase: PosPurchase | null = await PosPurchaseModel.findOne({ integrationId: waiting.integrationId, receiptNo: waiting.receiptNo }).lean();
  if (purchase?.state === 'recorded' && settlePurchase) purchase = await settlePurchase(purchase);
  if (!purchase || purchase.state === 'recorded') return waiting;
  if (purchase.state === 'refused') return refuse(waiting, 'POS_PURCHASE_NOT_REFUNDABLE', context);
  const claimed = await claimRefund(purchase, waiting);
  if (!claimed) return refuse(waiting, 'POS_REFUND_EXCEEDS', context);
  crashPoint(context, 'refund_claimed');
  const memberId = purchase.memberId.toHexString();
  const points = clawbackPoints({ pointsEarned: purchase.pointsEarned, paidFen: purchase.paidFen, refundedBeforeFen: claimed.refundedBeforeFen, refundFen: claimed.refundFen });
  if (points > 0) {
    await reversePoints(
      {
        memberId,
        reversesKey: posEarnKey(purchase._id),
        points,
        idempotencyKey: posRefundPointsKey(purchase._id, waiting.refundNo),
        reasonCode: 'pos_refund_clawback',
        reason: `消费退款，收回所得积分：小票 ${purchase.receiptNo}（积分已用掉时余额为负，之后获得的积分先抵扣）`,
        reference: { type: 'pos_purchase', id: purchase._id.toHexString() },
      },
      { now: context.now, queue: context.queue },
    );
  }
  crashPoint(context, 'refund_points_clawed');
  const pointsReturned = clawbackPoints({ pointsEarned: purchase.pointsRedeemed ?? 0, paidFen: purchase.paidFen, refundedBeforeFen: claimed.refundedBeforeFen, refundFen: claimed.refundFen });
  if (pointsReturned > 0) {
    // The points that paid part of the bill come back in the refund's proportion, with the expiry they had.
    await reversePoints(
      {
        memberId,
        reversesKey: posRedeemKey(purchase._id),
        points: pointsReturned,
        idempotencyKey: posRefundRedeemKey(purchase._id, waiting.refundNo),
        reasonCode: 'pos_refund_points_returned',
        reason: `消费退款，退回抵现积分：小票 ${purchase.receiptNo}`,
        reference: { type: 'pos_purchase', id: purchase._id.toHexString() },
      },
      { now: context.now, queue: context.queue },
    );
  }
  crashPoint(context, 'refund_points_returned');
  await recordPaidSpend(
    { memberId, amountFen: -claimed.refundFen, idempotencyKey: posRefundSpendKey(purchase._id, waiting.refundNo), paidAt: waiting.refundedAt, reference: `POS ${purchase.receiptNo} 退款 ${waiting.refundNo}` },
    { now: context.now, thresholds: context.settings.settings.tiers },
  );
  crashPoint(context, 'refund_spend_recorded');
  const subject = { type: 'purchase', id: purchase._id.toHexString() };
  await recordEvent(
    { type: 'purchase.refunded', key: eventKey('purchase.refunded', subject.id, waiting.refundNo), at: waiting.refundedAt, memberId: purchase.memberId, subject, props: { refundFen: claimed.refundFen, pointsClawedBack: points } },
    context.now,
  );
  const whole = claimed.refundedBeforeFen + claimed.refundFen >= purchase.paidFen;
  const couponsRestored = whole ? await restoreCoupons(purchase, context) : [];
  await PosRefundModel.updateOne(
    { _id: waiting._id, state: 'waiting' },
    { $set: { state: 'settled', purchaseId: purchase._id, memberId: purchase.memberId, pointsClawedBack: points, pointsReturned, couponsRestored, settledAt: context.now, nextAttemptAt: null } },
  );
  return reload(waiting);
}

/** The refunds that arrived before their purchase, settled now that it is. */
export async function settleWaitingRefunds(purchase: PosPurchase, context: PosContext): Promise<void> {
  if (purchase.state !== 'settled') return;
  const waiting = await PosRefundModel.find({ integrationId: purchase.integrationId, receiptNo: purchase.receiptNo, state: 'waiting' }).sort({ createdAt: 1, _id: 1 }).lean();
  for (const refund of waiting) await settleRefund(refund, context);
}
