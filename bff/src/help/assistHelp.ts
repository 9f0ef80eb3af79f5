import { HELP_RISK_RANK_REFUSED, type HelpAssistResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict, forbidden, type AppError } from '../errors/AppError';
import type { Principal } from '../http/context';
import type { AppDeps } from '../http/deps';
import { countAssist, type AssistFaults } from './countAssist';
import { HelpAssistModel, type HelpAssist } from './HelpAssist.model';
import { HelpCampaignModel, type HelpCampaign } from './HelpCampaign.model';
import { helpRateLimiterFor } from './helpRateLimiter';
import { campaignForShare, presentHelpCard } from './viewHelp';

function refusalFor(campaign: HelpCampaign, now: Date): AppError | null {
  if (campaign.state === 'unlocking' || campaign.state === 'unlocked' || campaign.helpersCount >= campaign.goal) return conflict('HELP_GOAL_REACHED');
  if (campaign.state === 'expired' || now.getTime() >= campaign.expiresAt.getTime()) return conflict('HELP_ENDED');
  return null;
}

/**
 * A friend's 助力. Each friend counts once per campaign (unique key), never the owner, at most three campaigns a
 * day, not with a risky account. The assist is recorded first, then counted (countAssist): the count is capped at the
 * goal by a conditional update, so exactly one helper reaches it and only that helper unlocks the gift. A friend who
 * taps again after a crash finishes their own recorded assist; the help.finishUnlocks job finishes the rest.
 */
export async function assistHelp(
  input: { shareId: string; clientIp: string },
  helper: Principal,
  deps: AppDeps,
  faults: AssistFaults = {},
): Promise<HelpAssistResponse> {
  const now = deps.now();
  await helpRateLimiterFor(deps).consume(helper.memberId, input.clientIp);
  const campaign = await campaignForShare(input.shareId);
  if (campaign.memberId.toHexString() === helper.memberId) throw forbidden('HELP_SELF');
  const helperId = new Types.ObjectId(helper.memberId);
  const respond = async (current: HelpCampaign, counted: boolean, unlockedNow: boolean): Promise<HelpAssistResponse> => ({
    ...(await presentHelpCard(current, input.shareId, helper.memberId, now)),
    counted,
    unlockedNow,
  });
  const unchanged = async (): Promise<HelpAssistResponse> => respond((await HelpCampaignModel.findById(campaign._id).lean()) ?? campaign, false, false);

  let assist: HelpAssist | null = await HelpAssistModel.findOne({ campaignId: campaign._id, helperId }).lean();
  if (assist?.state === 'counted') return unchanged();
  if (!assist) {
    const early = refusalFor(campaign, now);
    if (early) throw early;
    const rank = await deps.wechat.risk.getUserRiskRank({ openid: helper.openid, scene: 1, clientIp: input.clientIp });
    if (rank >= HELP_RISK_RANK_REFUSED) throw forbidden('HELP_RISK_REFUSED');
    // The unique assist comes first, so that one friend's concurrent taps cannot use up their daily slots.
    try {
      assist = (await HelpAssistModel.create({ campaignId: campaign._id, helperId, at: now, state: 'recorded' })).toObject();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      assist = await HelpAssistModel.findOne({ campaignId: campaign._id, helperId }).lean();
      if (!assist || assist.state === 'counted') return unchanged();
    }
    faults.after?.('recorded');
  }

  const outcome = await countAssist(assist, campaign, now, faults);
  if (outcome.kind === 'daily_limit') throw conflict('HELP_DAILY_LIMIT');
  if (outcome.kind === 'closed') throw refusalFor(outcome.campaign ?? campaign, now) ?? conflict('HELP_ENDED');
  return respond(outcome.campaign, outcome.countedNow, outcome.unlockedNow);
}
