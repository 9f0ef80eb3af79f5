import { decideReferralBinding, SHARE_ID_PATTERN, type ReferralRefusal } from '@cakeday/shared';
import { Types } from 'mongoose';
import { issueCoupon } from '../coupons/issueCoupon';
import { isDuplicateKeyError } from '../db/duplicateKey';
import type { SettingsSnapshot } from '../settings/settingsSource';
import { memberIdForCode } from './referralCodes';
import { recordReferralBound } from './referralEvents';
import { ReferralModel } from './Referral.model';
import { ShareLinkModel } from './ShareLink.model';

export interface BindReferralInput {
  inviteeId: string;
  inviteeIsNew: boolean;
  /** False for an identity on the deletion fraud list (Member.newMemberRewardsEligible). */
  inviteeEligible: boolean;
  referralCode?: string;
  shareId?: string;
}

export type BindReferralResult = { bound: true; referrerId: string } | { bound: false; reason: ReferralRefusal };

/**
 * The invitee's first-order coupon (the template of the settings the referral was bound under), after the binding's
 * event; idempotent, so the settle job can finish one a crash left undone.
 */
export async function issueWelcomeCoupon(inviteeId: string, templateCode: string, now: Date): Promise<void> {
  await recordReferralBound(inviteeId, now);
  await issueCoupon({ memberId: inviteeId, templateCode, source: 'referral', sourceKey: `welcome:${inviteeId}`, firstOrderOnly: true }, now);
  await ReferralModel.updateOne({ _id: new Types.ObjectId(inviteeId), welcomeIssuedAt: null }, { $set: { welcomeIssuedAt: now } });
}

/**
 * Binds a person who became a member in this visit to the sharer they arrived through, then gives them the
 * first-order coupon. First touch wins: the referral's `_id` is the invitee. The settings in force decide the
 * binding window and are recorded on the referral: its reward follows them.
 */
export async function bindReferral(input: BindReferralInput, context: { now: Date; settings: SettingsSnapshot }): Promise<BindReferralResult> {
  const { now, settings } = context;
  if (!input.shareId || !SHARE_ID_PATTERN.test(input.shareId)) return { bound: false, reason: 'unknown_share' };
  const share = await ShareLinkModel.findById(input.shareId).lean();
  if (!share) return { bound: false, reason: 'unknown_share' };
  const sharerId = share.memberId.toHexString();
  if (input.referralCode && (await memberIdForCode(input.referralCode)) !== sharerId) return { bound: false, reason: 'unknown_share' };
  const sharersReferral = await ReferralModel.findById(share.memberId, { referrerId: 1 }).lean();
  const decision = decideReferralBinding({
    inviteeId: input.inviteeId,
    inviteeIsNew: input.inviteeIsNew,
    inviteeEligible: input.inviteeEligible,
    sharerId,
    sharerReferrerId: sharersReferral?.referrerId.toHexString() ?? null,
    sharedAt: share.createdAt,
    now,
    windowDays: settings.settings.referral.windowDays,
  });
  if (!decision.bind) return { bound: false, reason: decision.reason };
  try {
    await ReferralModel.create({
      _id: new Types.ObjectId(input.inviteeId),
      referrerId: share.memberId,
      shareId: share._id,
      boundAt: now,
      state: 'joined',
      orderId: null,
      rewardClaimedAt: null,
      points: 0,
      rewardedAt: null,
      pointsKey: null,
      welcomeIssuedAt: null,
      nextCheckAt: now,
      settingsVersion: settings.version,
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return { bound: false, reason: 'already_bound' };
  }
  await issueWelcomeCoupon(input.inviteeId, settings.settings.referral.welcomeTemplateCode, now);
  return { bound: true, referrerId: sharerId };
}
