import type { BirthdayCorrectionRules, MembersMeResponse, TierThresholds } from '@cakeday/shared';
import type { Member } from './Member.model';
import { countAvailableCoupons } from '../coupons/countAvailableCoupons';
import { pointsSummary } from '../points/pointsSummary';
import { tierSummary } from '../tiers/tierSummary';
import { loadMember } from './loadMember';
import { presentMemberProfile } from './presentMember';

/**
 * The member's own page. `authenticated` is the member document this request's authentication read: reused, so
 * the call reads the member once, then the spend, points and coupons together.
 */
export async function describeMember(
  memberId: string,
  context: { now: Date; thresholds: TierThresholds; dataKey: string; birthdayRules?: BirthdayCorrectionRules },
  authenticated?: Member,
): Promise<MembersMeResponse> {
  const member = authenticated?._id.toHexString() === memberId ? authenticated : await loadMember(memberId);
  const [tier, points, coupons] = await Promise.all([
    tierSummary(member, context),
    pointsSummary(memberId, context.now),
    countAvailableCoupons(memberId, context.now),
  ]);
  return { ...presentMemberProfile(member, context.now, context.dataKey, context.birthdayRules), tier, points, coupons: { available: coupons } };
}
