import type { HelpGetResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { notFound } from '../errors/AppError';
import { MemberModel } from '../members/Member.model';
import { PERSON_FIELDS } from '../referral/presentPerson';
import { referralCodeOf } from '../referral/referralCodes';
import { findShareLink } from '../referral/shareLinks';
import { HelpAssistModel } from './HelpAssist.model';
import { HelpCampaignModel, type HelpCampaign } from './HelpCampaign.model';
import { helperProfiles, presentCampaign, presentViewer } from './presentCampaign';
import { unlockGift } from './unlockGift';

export async function campaignForShare(shareId: string): Promise<HelpCampaign> {
  const share = await findShareLink(shareId, 'help');
  if (!share) throw notFound();
  const campaign = await HelpCampaignModel.findById(share.targetId).lean();
  if (!campaign) throw notFound();
  return campaign;
}

/** What a friend sees on the help card, whether or not they are logged in. */
export async function presentHelpCard(campaign: HelpCampaign, shareId: string, viewerId: string | undefined, now: Date): Promise<HelpGetResponse> {
  const [owner, helpers, assisted, referralCode] = await Promise.all([
    MemberModel.findOne({ _id: campaign.memberId, status: 'active' }, PERSON_FIELDS).lean(),
    helperProfiles(campaign),
    viewerId ? HelpAssistModel.exists({ campaignId: campaign._id, helperId: new Types.ObjectId(viewerId) }) : null,
    referralCodeOf(campaign.memberId.toHexString(), now),
  ]);
  if (!owner) throw notFound();
  return {
    campaign: presentCampaign(campaign, owner, helpers, shareId, now),
    viewer: presentViewer(campaign, viewerId, assisted !== null, now),
    referralCode,
  };
}

export async function viewHelp(shareId: string, viewerId: string | undefined, now: Date): Promise<HelpGetResponse> {
  let campaign = await campaignForShare(shareId);
  if (campaign.state === 'unlocking') campaign = await unlockGift(campaign, now);
  return presentHelpCard(campaign, shareId, viewerId, now);
}
