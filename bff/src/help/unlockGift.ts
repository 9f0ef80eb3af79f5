import { issueCoupon } from '../coupons/issueCoupon';
import { recordHelpUnlocked } from './helpEvents';
import { HelpCampaignModel, type HelpCampaign } from './HelpCampaign.model';

/**
 * Issues the unlocked gift's coupon and marks the campaign unlocked. Only reached by the helper whose
 * conditional update moved the campaign to `unlocking` (or by a sweeper finishing a crashed one);
 * issueCoupon is idempotent on the campaign id, so finishing twice still yields one coupon.
 */
export async function unlockGift(campaign: HelpCampaign, now: Date): Promise<HelpCampaign> {
  const coupon = await issueCoupon(
    { memberId: campaign.memberId.toHexString(), templateCode: campaign.gift.templateCode, source: 'help', sourceKey: campaign._id.toHexString() },
    now,
  );
  if (campaign.state === 'unlocking') await recordHelpUnlocked(campaign, now);
  const done = await HelpCampaignModel.findOneAndUpdate(
    { _id: campaign._id, state: 'unlocking' },
    { $set: { state: 'unlocked', unlockedAt: now, couponId: coupon._id } },
    { returnDocument: 'after' },
  ).lean();
  return done ?? (await HelpCampaignModel.findById(campaign._id).lean()) ?? campaign;
}

/** Finishes campaigns whose unlock was interrupted (run by the scheduler, and lazily when read). */
export async function finishInterruptedUnlocks(now: Date): Promise<number> {
  const stuck = await HelpCampaignModel.find({ state: 'unlocking' }).lean();
  for (const campaign of stuck) await unlockGift(campaign, now);
  return stuck.length;
}
