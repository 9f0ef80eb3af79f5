import {
  formatCalendarDate,
  helpRulesText,
  selectHelpWindow,
  toBusinessIso,
  type Birthday,
  type HelpMineResponse,
} from '@cakeday/shared';
import { Types } from 'mongoose';
import { hasConsent } from '../consents/consentState';
import type { AppDeps } from '../http/deps';
import { loadMember } from '../members/loadMember';
import { celebratedBirthday } from '../members/storedBirthday';
import type { Member } from '../members/Member.model';
import { currentShareLink, presentShareInfo } from '../referral/shareLinks';
import { HelpCampaignModel, type HelpCampaign } from './HelpCampaign.model';
import { helpGift, helpGoal } from './helpSettings';
import { helperProfiles, presentCampaign } from './presentCampaign';
import { unlockGift } from './unlockGift';
import { settingsAt } from '../settings/settingsSource';

export function memberBirthday(member: Member): Birthday | null {
  return celebratedBirthday(member.birthday);
}

export async function helpShareInfo(campaign: HelpCampaign, now: Date): ReturnType<typeof presentShareInfo> {
  const share = await currentShareLink(campaign.memberId.toHexString(), 'help', campaign._id.toHexString(), now);
  return presentShareInfo(share, `帮我点一下助力，一起解锁生日礼「${campaign.gift.title}」`, now);
}

/** The owner's 生日助力 page: whether a campaign can start, its window, goal and rules, and this birthday's campaign. */
export async function helpOverview(memberId: string, deps: AppDeps): Promise<HelpMineResponse> {
  const { now, settings } = await settingsAt(deps);
  const member = await loadMember(memberId);
  const goal = helpGoal(settings.settings, member.tier.level);
  const gift = await helpGift(settings.settings);
  const birthday = memberBirthday(member);
  const base = { goal, gift, rules: helpRulesText(goal, gift.title) };
  if (!birthday) return { ...base, canStart: false, startBlocker: 'no_birthday', window: null, campaign: null, share: null, couponId: null };
  const consented = await hasConsent(memberId, 'birthday');
  const { open, window } = selectHelpWindow(birthday, now);
  const windowView = {
    firstDay: formatCalendarDate(window.firstDay),
    lastDay: formatCalendarDate(window.lastDay),
    opensAt: toBusinessIso(window.opensAt),
    closesAt: toBusinessIso(window.closesAt),
    open,
  };
  let campaign: HelpCampaign | null = await HelpCampaignModel.findOne({ memberId: new Types.ObjectId(memberId), celebrationYear: window.celebrationYear }).lean();
  if (campaign?.state === 'unlocking') campaign = await unlockGift(campaign, now);
  const startBlocker = !consented ? 'consent_withdrawn' : campaign ? 'already_started' : !open ? 'not_open' : null;
  const share = campaign ? await helpShareInfo(campaign, now) : null;
  const helpers = campaign ? await helperProfiles(campaign) : new Map();
  return {
    ...(campaign ? { goal: campaign.goal, gift: campaign.gift, rules: helpRulesText(campaign.goal, campaign.gift.title) } : base),
    canStart: startBlocker === null,
    startBlocker,
    window: windowView,
    // The owner's own page shows their nickname even while it is held for review (their own text).
    campaign: campaign && share ? presentCampaign(campaign, { nickname: member.nickname, avatarUrl: member.avatarUrl }, helpers, share.shareId, now) : null,
    share,
    couponId: campaign?.couponId?.toHexString() ?? null,
  };
}
