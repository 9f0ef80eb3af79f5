import { HELP_RISK_RANK_REFUSED, type HelpAssistResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict, forbidden, type AppError } from '../errors/AppError';
import type { Principal } from '../http/context';
import type { AppDeps } from '../http/deps';
import { loadMember } from '../members/loadMember';
import { releaseDailyAssistSlot, takeDailyAssistSlot } from './dailyAssistSlot';
import { HelpAssistModel } from './HelpAssist.model';
import { HelpCampaignModel, type HelpCampaign } from './HelpCampaign.model';
import { helpRateLimiterFor } from './helpRateLimiter';
import { unlockGift } from './unlockGift';
import { campaignForShare, presentHelpCard } from './viewHelp';

function refusalFor(campaign: HelpCampaign, now: Date): AppError | null {
  if (campaign.state === 'unlocking' || campaign.state === 'unlocked') return conflict('HELP_GOAL_REACHED');
  if (campaign.state === 'expired' || now.getTime() >= campaign.expiresAt.getTime()) return conflict('HELP_ENDED');
  return null;
}

/**
 * A friend's 助力. Each friend counts once per campaign (unique key), never the owner, at most three campaigns a
 * day, not with a risky account. The count is capped at the goal by a conditional update, so exactly one helper
 * reaches it and only that helper unlocks the gift.
 */
export async function assistHelp(
  input: { shareId: string; clientIp: string },
  helper: Principal,
  deps: AppDeps,
): Promise<HelpAssistResponse> {
  const now = deps.now();
  await helpRateLimiterFor(deps).consume(helper.memberId, input.clientIp);
  const campaign = await campaignForShare(input.shareId);
  if (campaign.memberId.toHexString() === helper.memberId) throw forbidden('HELP_SELF');
  const helperId = new Types.ObjectId(helper.memberId);
  const unchanged = async (): Promise<HelpAssistResponse> => {
    const latest = (await HelpCampaignModel.findById(campaign._id).lean()) ?? campaign;
    return { ...(await presentHelpCard(latest, input.shareId, helper.memberId, now)), counted: false, unlockedNow: false };
  };
  if (await HelpAssistModel.exists({ campaignId: campaign._id, helperId })) return unchanged();
  const early = refusalFor(campaign, now);
  if (early) throw early;

  const rank = await deps.wechat.risk.getUserRiskRank({ openid: helper.openid, scene: 1, clientIp: input.clientIp });
  if (rank >= HELP_RISK_RANK_REFUSED) throw forbidden('HELP_RISK_REFUSED');
  // The unique assist comes first, so that one friend's concurrent taps cannot use up their daily slots.
  let assistId: Types.ObjectId;
  try {
    assistId = (await HelpAssistModel.create({ campaignId: campaign._id, helperId, at: now }))._id;
  } catch (error) {
    if (isDuplicateKeyError(error)) return unchanged();
    throw error;
  }
  if (!(await takeDailyAssistSlot(helper.memberId, now))) {
    await HelpAssistModel.deleteOne({ _id: assistId });
    throw conflict('HELP_DAILY_LIMIT');
  }

  const profile = await loadMember(helper.memberId);
  const counted = await HelpCampaignModel.findOneAndUpdate(
    { _id: campaign._id, state: 'active', helpersCount: { $lt: campaign.goal }, expiresAt: { $gt: now } },
    { $inc: { helpersCount: 1 }, $push: { helpers: { memberId: helperId, nickname: profile.nickname, avatarUrl: profile.avatarUrl, at: now } } },
    { returnDocument: 'after' },
  ).lean();
  if (!counted) {
    await HelpAssistModel.deleteOne({ _id: assistId });
    await releaseDailyAssistSlot(helper.memberId, now);
    const latest = (await HelpCampaignModel.findById(campaign._id).lean()) ?? campaign;
    throw refusalFor(latest, now) ?? conflict('HELP_ENDED');
  }

  let current: HelpCampaign = counted;
  let unlockedNow = false;
  if (counted.helpersCount >= counted.goal) {
    const unlocking = await HelpCampaignModel.findOneAndUpdate(
      { _id: campaign._id, state: 'active', helpersCount: { $gte: counted.goal } },
      { $set: { state: 'unlocking' } },
      { returnDocument: 'after' },
    ).lean();
    if (unlocking) {
      current = await unlockGift(unlocking, now);
      unlockedNow = true;
    }
  }
  return { ...(await presentHelpCard(current, input.shareId, helper.memberId, now)), counted: true, unlockedNow };
}
