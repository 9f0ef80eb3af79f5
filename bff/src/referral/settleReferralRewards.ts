import { isValidObjectId } from 'mongoose';
import type { Config } from '../config/config';
import { MallOrderModel } from '../orders/MallOrder.model';
import type { MemberQueue } from '../points/memberQueue';
import { issueWelcomeCoupon } from './bindReferral';
import { clawbackReferral } from './clawbackReferral';
import { ReferralModel } from './Referral.model';
import { rewardReferral } from './rewardReferral';

const BATCH = 200;

/**
 * Scheduled: issues welcome coupons a crash left undone, rewards referrers for their invitees' first fulfilled
 * paid order, and claws the reward back when that order was refunded. Reads the order states, so the order machinery needs no hook; every step is idempotent.
 */
export async function settleReferralRewards(context: { now: Date; config: Config; queue?: MemberQueue }): Promise<{ rewarded: number; clawedBack: number; welcomeFailed: number }> {
  const ledger = { now: context.now, lifetimeYears: context.config.POINTS_LIFETIME_YEARS, queue: context.queue };
  let rewarded = 0;
  let clawedBack = 0;
  let welcomeFailed = 0;
  const withoutCoupon = await ReferralModel.find({ welcomeIssuedAt: null }).limit(BATCH).lean();
  for (const referral of withoutCoupon) {
    // A missing template must not stop the rewards below; the count shows up in the job's log line.
    await issueWelcomeCoupon(referral._id.toHexString(), context.now).catch(() => {
      welcomeFailed += 1;
    });
  }
  const waiting = await ReferralModel.find({ state: 'joined' }).sort({ boundAt: 1 }).limit(BATCH).lean();
  for (const referral of waiting) {
    const first = await MallOrderModel.findOne({ buyerMemberId: referral._id, status: 'fulfilled', 'payment.amountFen': { $gt: 0 } })
      .sort({ fulfilledAt: 1, _id: 1 })
      .lean();
    if (!first?.payment) continue;
    const result = await rewardReferral(
      { memberId: referral._id.toHexString(), orderId: first._id.toHexString(), paidFen: first.payment.amountFen },
      { ...ledger, dailyCap: context.config.REFERRAL_DAILY_REWARD_CAP },
    );
    if (result?.state === 'rewarded') rewarded += 1;
  }
  const paidOut = await ReferralModel.find({ state: 'rewarded', orderId: { $ne: null } }).limit(BATCH * 5).lean();
  for (const referral of paidOut) {
    if (!referral.orderId || !isValidObjectId(referral.orderId)) continue;
    const refunded = await MallOrderModel.exists({ _id: referral.orderId, status: 'refunded' });
    if (!refunded) continue;
    if (await clawbackReferral({ memberId: referral._id.toHexString(), orderId: referral.orderId }, ledger)) clawedBack += 1;
  }
  return { rewarded, clawedBack, welcomeFailed };
}
