import { businessDate, sameDayInYear, tierAfterReview, type TierThresholds } from '@cakeday/shared';
import { MemberModel } from '../members/Member.model';
import { rollingSpendFen } from './rollingSpend';

const sameDate = (a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * The daily anniversary review: members whose membership anniversary is today (Asia/Shanghai) and who were
 * not reviewed today drop at most one level if their rolling spend fell short. Safe to run repeatedly.
 */
export async function reviewTiers(context: { now: Date; thresholds: TierThresholds }): Promise<{ reviewed: number; lowered: number }> {
  const today = businessDate(context.now);
  const members = await MemberModel.find({ status: 'active' }, { createdAt: 1, tier: 1 }).lean();
  let reviewed = 0;
  let lowered = 0;
  for (const member of members) {
    const anniversary = sameDayInYear(businessDate(member.createdAt), today.year);
    if (!sameDate(anniversary, today) || member.createdAt.getTime() > context.now.getTime() - 24 * 3600 * 1000) continue;
    if (member.tier.reviewedAt && sameDate(businessDate(member.tier.reviewedAt), today)) continue;
    const level = tierAfterReview(member.tier.level, await rollingSpendFen(member._id.toHexString(), context.now), context.thresholds);
    const changed = level !== member.tier.level;
    const written = await MemberModel.updateOne(
      { _id: member._id, 'tier.level': member.tier.level, 'tier.reviewedAt': member.tier.reviewedAt },
      { $set: { 'tier.level': level, 'tier.reviewedAt': context.now, ...(changed ? { 'tier.since': context.now } : {}) } },
    );
    if (written.modifiedCount === 1) {
      reviewed += 1;
      if (changed) lowered += 1;
    }
  }
  return { reviewed, lowered };
}
