import { referralRewardDeadline } from '@cakeday/shared';
import { isValidObjectId } from 'mongoose';
import type { Logger } from '../logger';
import { MallOrderModel } from '../orders/MallOrder.model';
import type { MemberQueue } from '../points/memberQueue';
import { issueWelcomeCoupon } from './bindReferral';
import { clawbackReferral } from './clawbackReferral';
import { ReferralModel, type Referral } from './Referral.model';
import { rewardReferral } from './rewardReferral';
import { settingsOfReferral, type ReferralSettingsContext } from './referralSettings';

const BATCH = 200;
/** Bounds one run; what is left is due already and comes first in the next run. */
const MAX_BATCHES_PER_RUN = 10;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** An order paid within the window may be fulfilled a little later (the sweeper, reconciliation). */
const FULFIL_GRACE_MS = DAY;
/** WeChat Pay refunds an order up to a year after payment; a refund then takes days to settle. */
const REFUNDABLE_MS = 395 * DAY;

export interface SettleReferralContext extends ReferralSettingsContext {
  now: Date;
  queue?: MemberQueue;
  logger?: Logger;
}

interface Totals {
  rewarded: number;
  clawedBack: number;
  expired: number;
  welcomeFailed: number;
  failed: number;
}

/** The next look comes later the longer nothing happened: half the age, within [min, max], never past `until`. */
function recheckAt(now: Date, since: Date, maxStepMs: number, until: Date): Date {
  const step = Math.min(Math.max((now.getTime() - since.getTime()) / 2, 10 * MINUTE), maxStepMs);
  return new Date(Math.min(now.getTime() + step, until.getTime()));
}

/** The invitee's first fulfilled order that counts for the reward (own, paid in cash, paid within the window). */
function firstRewardableOrder(referral: Referral, rewardDeadline: Date) {
  return MallOrderModel.findOne({
    buyerMemberId: referral._id,
    recipientMemberId: null,
    status: 'fulfilled',
    'payment.amountFen': { $gt: 0 },
    'payment.paidAt': { $lte: rewardDeadline },
  })
    .sort({ fulfilledAt: 1, _id: 1 })
    .lean();
}

/** Settles what is due on one referral; returns when to look at it again, or null when nothing is left to settle. */
async function settleOne(referral: Referral, context: SettleReferralContext, totals: Totals): Promise<Date | null> {
  const { now } = context;
  const ledger = { now, queue: context.queue };
  const inviteeId = referral._id.toHexString();
  const rules = (await settingsOfReferral(referral, context)).settings.referral;
  const rewardDeadline = referralRewardDeadline(referral.boundAt, rules.rewardWindowDays);
  let welcomeMissing = false;
  if (!referral.welcomeIssuedAt) {
    // A missing template must not stop the rewards below; the count shows up in the job's log line.
    await issueWelcomeCoupon(inviteeId, rules.welcomeTemplateCode, now).catch((error: unknown) => {
      welcomeMissing = true;
      totals.welcomeFailed += 1;
      context.logger?.warn({ err: error, inviteeId }, 'referral welcome coupon not issued');
    });
  }
  let current = referral;
  const deadline = new Date(rewardDeadline.getTime() + FULFIL_GRACE_MS);
  if (current.state === 'joined') {
    const first = await firstRewardableOrder(current, rewardDeadline);
    if (first?.payment) {
      const result = await rewardReferral(
        { memberId: inviteeId, orderId: first._id.toHexString(), paidFen: first.payment.amountFen, paidAt: first.payment.paidAt, gift: first.recipientMemberId !== null },
        { ...ledger, settings: context.settings, settingsSource: context.settingsSource },
      );
      if (result?.state === 'rewarded') totals.rewarded += 1;
      current = (await ReferralModel.findById(current._id).lean()) ?? current;
    }
    if (current.state === 'joined') {
      if (now.getTime() < deadline.getTime()) return recheckAt(now, current.boundAt, DAY, deadline);
      const expired = await ReferralModel.updateOne({ _id: current._id, state: 'joined' }, { $set: { state: 'expired' } });
      totals.expired += expired.modifiedCount;
      current = (await ReferralModel.findById(current._id).lean()) ?? current;
    }
  }
  if (current.state === 'rewarded' && current.orderId && isValidObjectId(current.orderId)) {
    if (await MallOrderModel.exists({ _id: current.orderId, status: 'refunded' })) {
      if (await clawbackReferral({ memberId: inviteeId, orderId: current.orderId }, ledger)) totals.clawedBack += 1;
      return null;
    }
    const since = current.rewardedAt ?? current.boundAt;
    const refundableUntil = new Date(since.getTime() + REFUNDABLE_MS);
    if (now.getTime() < refundableUntil.getTime()) return recheckAt(now, since, 7 * DAY, refundableUntil);
  }
  // The first-order coupon is worth retrying only while a first order can still earn the reward.
  return welcomeMissing && now.getTime() < deadline.getTime() ? recheckAt(now, referral.boundAt, DAY, deadline) : null;
}

/**
 * Scheduled safety net behind the instant settlement at fulfilment and refund: issues welcome coupons a crash left
 * undone, rewards referrers for their invitees' own first purchase, claws the reward back when that order was
 * refunded, and settles referrals whose reward window passed as `expired`. It claims referrals by `nextCheckAt`
 * (oldest first), and each one it looks at moves on: to a later check, or out of the working set (null) once nothing
 * is left to settle, so no group of referrals can hold up the rest. Every step is idempotent.
 */
export async function settleReferralRewards(context: SettleReferralContext): Promise<Totals> {
  const totals: Totals = { rewarded: 0, clawedBack: 0, expired: 0, welcomeFailed: 0, failed: 0 };
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
    const due = await ReferralModel.find({ nextCheckAt: { $ne: null, $lte: context.now } }).sort({ nextCheckAt: 1, _id: 1 }).limit(BATCH).lean();
    for (const referral of due) {
      let next: Date | null;
      try {
        next = await settleOne(referral, context, totals);
      } catch (error) {
        totals.failed += 1;
        context.logger?.error({ err: error, inviteeId: referral._id.toHexString() }, 'referral settlement failed');
        next = recheckAt(context.now, referral.boundAt, DAY, new Date(context.now.getTime() + DAY));
      }
      // Conditional: a fulfilment that asked for a prompt recheck meanwhile keeps its earlier time.
      await ReferralModel.updateOne({ _id: referral._id, nextCheckAt: referral.nextCheckAt }, { $set: { nextCheckAt: next } });
    }
    if (due.length < BATCH) break;
  }
  return totals;
}
