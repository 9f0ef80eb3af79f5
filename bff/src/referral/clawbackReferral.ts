import { reversePoints } from '../points/reversePoints';
import type { LedgerContext } from '../points/earnPoints';
import { ReferralModel, type Referral } from './Referral.model';

/** Call when an order is refunded: the reward for it (if any) is reversed in the referrer's ledger. Safe to call again. */
export async function clawbackReferral(event: { memberId: string; orderId: string }, context: LedgerContext): Promise<Referral | null> {
  const referral = await ReferralModel.findOne({ _id: event.memberId, orderId: event.orderId, state: 'rewarded' }).lean();
  if (!referral) return null;
  if (referral.pointsKey && referral.points > 0) {
    await reversePoints(
      {
        memberId: referral.referrerId.toHexString(),
        reversesKey: referral.pointsKey,
        idempotencyKey: `referral-clawback:${event.memberId}`,
        reasonCode: 'referral_clawback',
        reason: '邀请好友订单退款，奖励积分扣回',
        reference: { type: 'order', id: event.orderId },
      },
      context,
    );
  }
  return ReferralModel.findOneAndUpdate({ _id: referral._id, state: 'rewarded' }, { $set: { state: 'clawed_back' } }, { returnDocument: 'after' }).lean();
}
