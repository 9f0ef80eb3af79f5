import type { Poster } from '@cakeday/shared';
import { Types } from 'mongoose';
import { conflict } from '../errors/AppError';
import type { AppDeps } from '../http/deps';
import { sharePoster } from '../referral/sharePoster';
import { HelpCampaignModel } from './HelpCampaign.model';
import { helpShareInfo } from './helpOverview';

/** The poster for the member's latest campaign (409 before one was started). */
export async function helpPoster(memberId: string, deps: AppDeps): Promise<Poster> {
  const campaign = await HelpCampaignModel.findOne({ memberId: new Types.ObjectId(memberId) }).sort({ startedAt: -1 }).lean();
  if (!campaign) throw conflict('HELP_NOT_STARTED');
  return sharePoster(deps.wechat.wxacode, await helpShareInfo(campaign, deps.now()));
}
