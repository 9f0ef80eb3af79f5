import { HelpCampaignModel } from './HelpCampaign.model';

/** Scheduled: active campaigns past their end become expired (reads already show them as ended). */
export async function expireHelpCampaigns(now: Date): Promise<number> {
  const result = await HelpCampaignModel.updateMany({ state: 'active', expiresAt: { $lte: now } }, { $set: { state: 'expired' } });
  return result.modifiedCount;
}
