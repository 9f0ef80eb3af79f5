import { Types } from 'mongoose';
import { eventKey, recordEvent } from '../events/recordEvent';
import { ReferralModel, type Referral } from './Referral.model';

const subjectOf = (inviteeId: string) => ({ type: 'referral', id: inviteeId });

/**
 * The binding, once (`referral.bound:<inviteeId>`), as the invitee's action. Recorded by the welcome coupon's step,
 * before the referral is marked welcomed, so the settle job that finishes an interrupted welcome records it too.
 */
export async function recordReferralBound(inviteeId: string, now: Date): Promise<void> {
  const referral = await ReferralModel.findById(new Types.ObjectId(inviteeId), { referrerId: 1, boundAt: 1 }).lean();
  if (!referral) return;
  await recordEvent(
    {
      type: 'referral.bound',
      key: eventKey('referral.bound', inviteeId),
      at: referral.boundAt,
      memberId: referral._id,
      subject: subjectOf(inviteeId),
      props: { referrerId: referral.referrerId.toHexString() },
    },
    now,
  );
}

/**
 * The referrer's reward, once (`referral.rewarded:<inviteeId>`), for the referrer: recorded after the points and
 * before the referral leaves `joined`, so a retry of the reward (the settle job) records what a crash left out.
 */
export async function recordReferralRewarded(referral: Pick<Referral, '_id' | 'referrerId' | 'orderId' | 'rewardClaimedAt'>, points: number, now: Date): Promise<void> {
  const inviteeId = referral._id.toHexString();
  await recordEvent(
    {
      type: 'referral.rewarded',
      key: eventKey('referral.rewarded', inviteeId),
      at: referral.rewardClaimedAt ?? now,
      memberId: referral.referrerId,
      subject: subjectOf(inviteeId),
      props: { inviteeId, orderId: referral.orderId, points },
    },
    now,
  );
}
