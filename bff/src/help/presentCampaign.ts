import { helpRulesText, toBusinessIso, type HelpCampaignView, type HelpViewer } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { MemberModel, type Member } from '../members/Member.model';
import { PERSON_FIELDS, presentPerson } from '../referral/presentPerson';
import type { HelpCampaign } from './HelpCampaign.model';

type PersonSource = Pick<Member, 'nickname' | 'avatarUrl' | 'nicknameReview' | 'avatarCheck'>;

/**
 * The helpers as they are now (active members only), by member id: a helper's nickname is shown from the
 * member, not from the copy on the campaign, so that a held nickname or a deleted account is never shown.
 */
export async function helperProfiles(campaign: HelpCampaign): Promise<Map<string, PersonSource>> {
  const ids: Types.ObjectId[] = campaign.helpers.map((helper) => helper.memberId);
  if (ids.length === 0) return new Map();
  const members = await MemberModel.find({ _id: { $in: ids }, status: 'active' }, PERSON_FIELDS).lean();
  return new Map(members.map((member) => [member._id.toHexString(), member]));
}

const stateTexts: Record<HelpCampaignView['state'], string> = {
  active: '助力进行中',
  unlocked: '礼物已解锁',
  expired: '活动已结束',
};

/** unlocking shows as unlocked (the coupon is on its way); an active campaign past its end shows as expired. */
export function campaignState(campaign: HelpCampaign, now: Date): HelpCampaignView['state'] {
  if (campaign.state === 'unlocking' || campaign.state === 'unlocked') return 'unlocked';
  if (campaign.state === 'expired' || now.getTime() >= campaign.expiresAt.getTime()) return 'expired';
  return 'active';
}

export function presentCampaign(
  campaign: HelpCampaign,
  owner: PersonSource | null,
  helpers: Map<string, PersonSource>,
  shareId: string,
  now: Date,
): HelpCampaignView {
  const state = campaignState(campaign, now);
  return {
    shareId,
    state,
    stateText: stateTexts[state],
    owner: presentPerson(owner),
    birthday: { month: campaign.birthday.month, day: campaign.birthday.day },
    goal: campaign.goal,
    helpersCount: campaign.helpersCount,
    remaining: Math.max(0, campaign.goal - campaign.helpersCount),
    helpers: campaign.helpers.map((helper) => ({ ...presentPerson(helpers.get(helper.memberId.toHexString()) ?? null), helpedAt: toBusinessIso(helper.at) })),
    gift: campaign.gift,
    rules: helpRulesText(campaign.goal, campaign.gift.title),
    startedAt: toBusinessIso(campaign.startedAt),
    expiresAt: toBusinessIso(campaign.expiresAt),
    unlockedAt: campaign.unlockedAt ? toBusinessIso(campaign.unlockedAt) : null,
  };
}

export function presentViewer(campaign: HelpCampaign, viewerId: string | undefined, hasHelped: boolean, now: Date): HelpViewer {
  const isOwner = viewerId !== undefined && campaign.memberId.toHexString() === viewerId;
  const state = campaignState(campaign, now);
  const blocker: HelpViewer['blocker'] = isOwner
    ? 'owner'
    : hasHelped
      ? 'already_helped'
      : state === 'unlocked'
        ? 'goal_reached'
        : state === 'expired'
          ? 'ended'
          : viewerId === undefined
            ? 'login_required'
            : null;
  return { loggedIn: viewerId !== undefined, isOwner, hasHelped, canHelp: blocker === null, blocker };
}
