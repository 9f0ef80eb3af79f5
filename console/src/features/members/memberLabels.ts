import type { OpsMembersGetResponse } from '@cakeday/shared';

type EntryKind = OpsMembersGetResponse['points']['latestEntries'][number]['kind'];
type ReferralState = NonNullable<OpsMembersGetResponse['referrals']['referredBy']>['state'];
type HelpState = OpsMembersGetResponse['helpCampaigns'][number]['state'];

export const memberStatusEnum = { active: { text: '正常', status: 'Success' }, deleted: { text: '已注销', status: 'Default' } } as const;

export const entryKindNames: Record<EntryKind, string> = { earn: '获得', spend: '使用', reverse: '退回', expire: '过期', adjust: '人工调整' };

export const referralStateNames: Record<ReferralState, string> = {
  joined: '已注册，待首单',
  rewarded: '已奖励',
  capped: '当日奖励已达上限',
  clawed_back: '已退款，奖励扣回',
  expired: '未在期限内完成首单',
};

export const helpStateNames: Record<HelpState, string> = { active: '进行中', unlocking: '解锁中', unlocked: '已解锁', expired: '已过期' };

/** Signed points as operators read them: +50, −200. */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}
