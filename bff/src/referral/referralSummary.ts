import { REFERRAL_REWARD_WINDOW_DAYS, referralRulesText, toBusinessIso, type ReferralMineResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { MemberModel } from '../members/Member.model';
import { PERSON_FIELDS, presentPerson } from './presentPerson';
import { referralCodeOf } from './referralCodes';
import { ReferralModel, type ReferralState } from './Referral.model';
import { currentShareLink, presentShareInfo } from './shareLinks';

const INVITEES_SHOWN = 50;
const stateTexts: Record<ReferralState, string> = {
  joined: '已注册，等待首单完成',
  rewarded: '首单完成，奖励已发放',
  capped: '今日奖励已达上限',
  clawed_back: '订单已退款，奖励已扣回',
  expired: `注册${REFERRAL_REWARD_WINDOW_DAYS}天内未完成首单`,
};

export async function inviteShareInfo(memberId: string, now: Date): ReturnType<typeof presentShareInfo> {
  const share = await currentShareLink(memberId, 'invite', memberId, now);
  return presentShareInfo(share, '送你一张首单8折券，一起来 Cakeday 过生日', now);
}

/** 邀请好友: the code, a fresh invite share, the rules and who joined through the member's shares. */
export async function referralSummary(memberId: string, now: Date): Promise<ReferralMineResponse> {
  const referrerId = new Types.ObjectId(memberId);
  const [code, invite, referrals] = await Promise.all([
    referralCodeOf(memberId, now),
    inviteShareInfo(memberId, now),
    ReferralModel.find({ referrerId }).sort({ boundAt: -1 }).lean(),
  ]);
  const shown = referrals.slice(0, INVITEES_SHOWN);
  const members = await MemberModel.find({ _id: { $in: shown.map((referral) => referral._id) } }, PERSON_FIELDS).lean();
  const byId = new Map(members.map((member) => [member._id.toHexString(), member]));
  return {
    code,
    invite,
    rules: [...referralRulesText],
    stats: {
      invited: referrals.length,
      rewarded: referrals.filter((referral) => referral.state === 'rewarded').length,
      pointsEarned: referrals.reduce((sum, referral) => sum + (referral.state === 'rewarded' ? referral.points : 0), 0),
    },
    invitees: shown.map((referral) => ({
      ...presentPerson(byId.get(referral._id.toHexString()) ?? null),
      joinedAt: toBusinessIso(referral.boundAt),
      state: referral.state,
      stateText: stateTexts[referral.state],
      points: referral.state === 'rewarded' ? referral.points : 0,
    })),
  };
}
