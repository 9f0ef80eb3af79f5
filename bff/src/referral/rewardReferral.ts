import { helpDayKey, referralRewardPoints } from '@cakeday/shared';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { earnPoints, type LedgerContext } from '../points/earnPoints';
import { ReferralDailyCountModel } from './ReferralDailyCount.model';
import { ReferralModel, type Referral } from './Referral.model';

export interface ReferralOrderEvent {
  /** The invitee who paid. */
  memberId: string;
  orderId: string;
  /** Cash paid, in fen. */
  paidFen: number;
}

async function takeDailySlot(referrerId: string, now: Date, cap: number): Promise<boolean> {
  try {
    const slot = await ReferralDailyCountModel.findOneAndUpdate(
      { _id: `${referrerId}:${helpDayKey(now)}`, count: { $lt: cap } },
      { $inc: { count: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return slot !== null;
  } catch (error) {
    // The day's document exists and is at the cap: the conditional upsert collided with it.
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
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
  if (!(await takeDailySlot(referrerId, context.now, context.dailyCap))) {
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
