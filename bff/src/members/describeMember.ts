import type { MembersMeResponse, TierThresholds } from '@cakeday/shared';
import { countAvailableCoupons } from '../coupons/countAvailableCoupons';
import { pointsSummary } from '../points/pointsSummary';
import { tierSummary } from '../tiers/tierSummary';
import { loadMember } from './loadMember';
import { presentMemberProfile } from './presentMember';

export async function describeMember(memberId: string, context: { now: Date; thresholds: TierThresholds; dataKey: string }): Promise<MembersMeResponse> {
  const member = await loadMember(memberId);
  const [tier, points, coupons] = await Promise.all([
    tierSummary(member, context),
    pointsSummary(memberId, context.now),
    countAvailableCoupons(memberId, context.now),
  ]);
  return { ...presentMemberProfile(member, context.now, context.dataKey), tier, points, coupons: { available: coupons } };
}
