import { countsForReferralReward, referralRewardPoints } from '@cakeday/shared';
import { takeDailySlot } from '../db/dailyCounter';
import { earnPoints, type LedgerContext } from '../points/earnPoints';
import { recordReferralRewarded } from './referralEvents';
import { ReferralModel, type Referral } from './Referral.model';
import { settingsOfReferral, type ReferralSettingsContext } from './referralSettings';

export interface ReferralOrderEvent {
  /** The invitee who paid. */
  memberId: string;
  orderId: string;
  /** Cash paid, in fen. */
  paidFen: number;
  paidAt: Date;
  /** Bought for another member: not the invitee's own purchase. */
  gift: boolean;
}

/** Test seam: simulates a crash right after the daily-cap slot is taken. Never set in production. */
export interface ReferralRewardFaults {
  afterSlotTaken?: () => void;
}

export interface ReferralRewardContext extends LedgerContext, ReferralSettingsContext {
  rewardFaults?: ReferralRewardFaults;
}

/** joined → claimed for this order (once; a retry for the same order finds its own claim). */
async function claimFor(event: ReferralOrderEvent, now: Date): Promise<Referral | null> {
  const claimed = await ReferralModel.findOneAndUpdate(
    { _id: event.memberId, state: 'joined', orderId: null },
    { $set: { orderId: event.orderId, rewardClaimedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  return claimed ?? ReferralModel.findOne({ _id: event.memberId, state: 'joined', orderId: event.orderId }).lean();
}

/**
 * Call when an order is fulfilled. Only the invitee's own first purchase within the reward window counts (never a
 * gift, even one for the referrer): the referrer earns points per yuan of it at the referrer rate, both by the
 * settings the referral was bound under, at most the daily cap of the settings in force rewards a day. The cap's slot
 * is taken for this referral on the day of the first claim, and the points under one key, so a retry after a crash
 * at any step takes no second slot and earns nothing twice.
 */
export async function rewardReferral(event: ReferralOrderEvent, context: ReferralRewardContext): Promise<Referral | null> {
  const referral = await ReferralModel.findById(event.memberId, { state: 1, boundAt: 1, settingsVersion: 1 }).lean();
  if (!referral || referral.state !== 'joined') return null;
  const boundUnder = await settingsOfReferral(referral, context);
  const rules = boundUnder.settings.referral;
  if (!countsForReferralReward({ paidFen: event.paidFen, paidAt: event.paidAt, gift: event.gift }, referral.boundAt, rules.rewardWindowDays)) return null;
  const claimed = await claimFor(event, context.now);
  if (!claimed) return null;
  const referrerId = claimed.referrerId.toHexString();
  const cap = { purpose: 'referral-reward' as const, subject: referrerId, day: claimed.rewardClaimedAt ?? context.now };
  if (!(await takeDailySlot(cap, event.memberId, context.settings.settings.referral.dailyRewardCap))) {
    return ReferralModel.findOneAndUpdate({ _id: claimed._id, state: 'joined' }, { $set: { state: 'capped' } }, { returnDocument: 'after' }).lean();
  }
  context.rewardFaults?.afterSlotTaken?.();
  const points = referralRewardPoints(event.paidFen, rules.referrerPointsPerYuanPermille);
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
      { now: context.now, settings: boundUnder, queue: context.queue, faults: context.faults },
    );
  }
  await recordReferralRewarded(claimed, points, context.now);
  return ReferralModel.findOneAndUpdate(
    { _id: claimed._id, state: 'joined' },
    { $set: { state: 'rewarded', points, pointsKey: points > 0 ? pointsKey : null, rewardedAt: context.now } },
    { returnDocument: 'after' },
  ).lean();
}
