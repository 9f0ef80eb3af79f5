import { tierAfterReview, tierReviewDueAt, type TierThresholds } from '@cakeday/shared';
import { MemberModel } from '../members/Member.model';
import { rollingSpendFen } from './rollingSpend';

const BATCH = 200;
/** Bounds one run; members still due come first in the next run. */
const MAX_BATCHES_PER_RUN = 20;

/**
 * The anniversary review (tiers.review, hourly): members whose review is due (`tier.reviewDueAt`, the start of
 * their membership anniversary while above basic) drop at most one level if their rolling spend fell short, and are
 * due again on the next anniversary (never, once basic). Only due members are read, oldest due first; a review
 * missed while the job was down happens on its next run. Safe to run repeatedly: a reviewed member is no longer due.
 */
export async function reviewTiers(context: { now: Date; thresholds: TierThresholds }): Promise<{ examined: number; reviewed: number; lowered: number }> {
  let examined = 0;
  let reviewed = 0;
  let lowered = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
    const due = await MemberModel.find({ status: 'active', 'tier.reviewDueAt': { $ne: null, $lte: context.now } }, { createdAt: 1, tier: 1 })
      .sort({ 'tier.reviewDueAt': 1, _id: 1 })
      .limit(BATCH)
      .lean();
    for (const member of due) {
      examined += 1;
      const level = tierAfterReview(member.tier.level, await rollingSpendFen(member._id.toHexString(), context.now), context.thresholds);
      const changed = level !== member.tier.level;
      // Conditional: an upgrade meanwhile wins (and set its own due date); the member is claimed again if still due.
      const written = await MemberModel.updateOne(
        { _id: member._id, 'tier.level': member.tier.level, 'tier.reviewDueAt': member.tier.reviewDueAt },
        {
          $set: {
            'tier.level': level,
            'tier.reviewedAt': context.now,
            'tier.reviewDueAt': tierReviewDueAt(member.createdAt, level, context.now),
            ...(changed ? { 'tier.since': context.now } : {}),
          },
        },
      );
      if (written.modifiedCount === 1) {
        reviewed += 1;
        if (changed) lowered += 1;
      }
    }
    if (due.length < BATCH) break;
  }
  return { examined, reviewed, lowered };
}
