import type { MembersMeResponse, TierThresholds } from '@cakeday/shared';
import { pointsSummary } from '../points/pointsSummary';
import { tierSummary } from '../tiers/tierSummary';
import { loadMember } from './loadMember';
import { presentMemberProfile } from './presentMember';

/** Coupons arrive with the birthday-gift and mall features; until then every member holds none. */
const countAvailableCoupons = async (_memberId: string): Promise<number> => 0;

export async function describeMember(memberId: string, context: { now: Date; thresholds: TierThresholds }): Promise<MembersMeResponse> {
  const member = await loadMember(memberId);
  const [tier, points, coupons] = await Promise.all([
    tierSummary(member, context),
    pointsSummary(memberId, context.now),
    countAvailableCoupons(memberId),
  ]);
  return { ...presentMemberProfile(member, context.now), tier, points, coupons: { available: coupons } };
}
