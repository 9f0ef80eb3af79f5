import { referralRewardPoints } from '@cakeday/shared';
import { takeDailySlot } from '../db/dailyCounter';
import { earnPoints, type LedgerContext } from '../points/earnPoints';
import { ReferralModel, type Referral } from './Referral.model';

export interface ReferralOrderEvent {
  /** The invitee who paid. */
  memberId: string;
  orderId: string;
  /** Cash paid, in fen. */
  paidFen: number;
}

/**
 * Call when an order is fulfilled. Only the invitee's first fulfilled paid order counts: the referrer earns
 * REFERRAL_POINTS_MULTIPLIER × its base points, at most `dailyCap` rewards a day. Safe to call again.
 */
export async function rewardReferral(
  event: ReferralOrderEvent,
  context: LedgerContext & { dailyCap: number },
): Promise<Referral | null> {
  if (event.paidFen <= 0) return null;
  const claimed = await ReferralModel.findOneAndUpdate(
    { _id: event.memberId, state: 'joined', orderId: { $in: [null, event.orderId] } },
    { $set: { orderId: event.orderId } },
    { returnDocument: 'after' },
  ).lean();
  if (!claimed) return null;
  const referrerId = claimed.referrerId.toHexString();
  if (!(await takeDailySlot({ purpose: 'referral-reward', subject: referrerId, day: context.now }, event.memberId, context.dailyCap))) {
    return ReferralModel.findOneAndUpdate({ _id: claimed._id, state: 'joined' }, { $set: { state: 'capped' } }, { returnDocument: 'after' }).lean();
  }
  const points = referralRewardPoints(event.paidFen);
  const pointsKey = `referral:${event.memberId}`;
  if (points > 0) {
    await earnPoints(
      {
        memberId: referrerId,
        points,
        idempotencyKey: pointsKey,
        reasonCode: 'referral_reward',
        reason: '邀请好友首单奖励',
        reference: { type: 'order', id: event.orderId },
      },
      context,
    );
  }
  return ReferralModel.findOneAndUpdate(
    { _id: claimed._id, state: 'joined' },
    { $set: { state: 'rewarded', points, pointsKey: points > 0 ? pointsKey : null, rewardedAt: context.now } },
    { returnDocument: 'after' },
  ).lean();
}
