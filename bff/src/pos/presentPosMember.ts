import { maskName, tierNames, type PosMember } from '@cakeday/shared';
import type { Member } from '../members/Member.model';
import { pointsSummary } from '../points/pointsSummary';

/** What a till may know of a member: a masked name, the tier and the points balance. */
export async function presentPosMember(member: Pick<Member, '_id' | 'nickname' | 'tier'>, now: Date): Promise<PosMember> {
  const points = await pointsSummary(member._id.toHexString(), now);
  return {
    maskedName: maskName(member.nickname ?? '会员'),
    tier: { level: member.tier.level, name: tierNames[member.tier.level] },
    pointsBalance: points.balance,
  };
}
