import { referralRulesText, toBusinessIso, type ReferralMineResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { MemberModel } from '../members/Member.model';
import { PERSON_FIELDS, presentPerson } from './presentPerson';
import { referralCodeOf } from './referralCodes';
import { ReferralModel, type Referral, type ReferralState } from './Referral.model';
import { settingsOfReferral, type ReferralSettingsContext } from './referralSettings';
import { currentShareLink, presentShareInfo } from './shareLinks';

const INVITEES_SHOWN = 50;
const stateTexts: Record<Exclude<ReferralState, 'expired'>, string> = {
  joined: '已注册，等待首单完成',
  rewarded: '首单完成，奖励已发放',
  capped: '今日奖励已达上限',
  clawed_back: '订单已退款，奖励已扣回',
};

/** The expired text names the reward window the referral was bound under. */
async function stateTextOf(referral: Referral, context: ReferralSettingsContext): Promise<string> {
  if (referral.state !== 'expired') return stateTexts[referral.state];
  const { rewardWindowDays } = (await settingsOfReferral(referral, context)).settings.referral;
  return `注册${rewardWindowDays}天内未完成首单`;
}

export async function inviteShareInfo(memberId: string, now: Date): ReturnType<typeof presentShareInfo> {
  const share = await currentShareLink(memberId, 'invite', memberId, now);
  return presentShareInfo(share, '送你一张首单8折券，一起来 Cakeday 过生日', now);
}

/** 邀请好友: the code, a fresh invite share, the rules in force and who joined through the member's shares. */
export async function referralSummary(memberId: string, context: ReferralSettingsContext & { now: Date }): Promise<ReferralMineResponse> {
  const { now } = context;
  const referrerId = new Types.ObjectId(memberId);
  const [code, invite, referrals] = await Promise.all([
    referralCodeOf(memberId, now),
    inviteShareInfo(memberId, now),
    ReferralModel.find({ referrerId }).sort({ boundAt: -1 }).lean(),
  ]);
  const shown = referrals.slice(0, INVITEES_SHOWN);
  const members = await MemberModel.find({ _id: { $in: shown.map((referral) => referral._id) } }, PERSON_FIELDS).lean();
  const byId = new Map(members.map((member) => [member._id.toHexString(), member]));
  const stateTextsShown = await Promise.all(shown.map((referral) => stateTextOf(referral, context)));
  return {
    code,
    invite,
    rules: referralRulesText(context.settings.settings.referral),
    stats: {
      invited: referrals.length,
      rewarded: referrals.filter((referral) => referral.state === 'rewarded').length,
      pointsEarned: referrals.reduce((sum, referral) => sum + (referral.state === 'rewarded' ? referral.points : 0), 0),
    },
    invitees: shown.map((referral, index) => ({
      ...presentPerson(byId.get(referral._id.toHexString()) ?? null),
      joinedAt: toBusinessIso(referral.boundAt),
      state: referral.state,
      stateText: stateTextsShown[index] ?? '',
      points: referral.state === 'rewarded' ? referral.points : 0,
    })),
  };
}
