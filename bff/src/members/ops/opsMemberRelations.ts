import { maskName, toBusinessIso, type OpsHelpCampaignSummary, type OpsMembersGetResponse } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { HelpCampaignModel } from '../../help/HelpCampaign.model';
import { ReferralModel, type Referral } from '../../referral/Referral.model';
import { MemberModel } from '../Member.model';

const LATEST = 10;
type ReferralRow = NonNullable<OpsMembersGetResponse['referrals']['referredBy']>;

async function maskedNicknames(ids: Types.ObjectId[]): Promise<Map<string, string | null>> {
  const members = await MemberModel.find({ _id: { $in: ids } }, { nickname: 1 }).lean();
  return new Map(members.map((member) => [member._id.toHexString(), member.nickname ? maskName(member.nickname) : null]));
}

const rowOf = (referral: Referral, other: Types.ObjectId, names: Map<string, string | null>): ReferralRow => ({
  memberId: other.toHexString(),
  nicknameMasked: names.get(other.toHexString()) ?? null,
  boundAt: toBusinessIso(referral.boundAt),
  state: referral.state,
  points: referral.state === 'rewarded' ? referral.points : 0,
});

/** Who brought the member in (a referral's `_id` is the invitee) and whom the member brought in. */
export async function opsMemberReferrals(memberId: Types.ObjectId): Promise<OpsMembersGetResponse['referrals']> {
  const [own, invited, total, rewarded] = await Promise.all([
    ReferralModel.findById(memberId).lean(),
    ReferralModel.find({ referrerId: memberId }).sort({ boundAt: -1 }).limit(LATEST).lean(),
    ReferralModel.countDocuments({ referrerId: memberId }),
    ReferralModel.countDocuments({ referrerId: memberId, state: 'rewarded' }),
  ]);
  const names = await maskedNicknames([...(own ? [own.referrerId] : []), ...invited.map((referral) => referral._id)]);
  return {
    referredBy: own ? rowOf(own, own.referrerId, names) : null,
    invited: { total, rewarded, latest: invited.map((referral) => rowOf(referral, referral._id, names)) },
  };
}

/** The member's birthday help campaigns, newest first (helpers' names are not shown). */
export async function opsMemberHelpCampaigns(memberId: Types.ObjectId): Promise<OpsHelpCampaignSummary[]> {
  const campaigns = await HelpCampaignModel.find({ memberId }).sort({ celebrationYear: -1 }).limit(LATEST).lean();
  return campaigns.map((campaign) => ({
    id: campaign._id.toHexString(),
    celebrationYear: campaign.celebrationYear,
    goal: campaign.goal,
    helpersCount: campaign.helpersCount,
    state: campaign.state,
    giftTitle: campaign.gift.title,
    startedAt: toBusinessIso(campaign.startedAt),
    expiresAt: toBusinessIso(campaign.expiresAt),
    unlockedAt: campaign.unlockedAt ? toBusinessIso(campaign.unlockedAt) : null,
  }));
}
