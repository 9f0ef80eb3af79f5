import { TIER_LEVELS, tierAfterSpend, tierReviewDueAt, type TierLevel, type TierThresholds } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { MemberModel } from '../members/Member.model';
import { loadMember } from '../members/loadMember';
import { PaidSpendModel } from './PaidSpend.model';
import { rollingSpendFen } from './rollingSpend';

/**
 * Records a payment (or, negative, a refund) once per key and upgrades the tier at once when the rolling
 * spend crosses a threshold. Refunds never lower the tier here: that is the anniversary review's job.
 */
export async function recordPaidSpend(
  input: { memberId: string; amountFen: number; idempotencyKey: string; paidAt: Date; reference: string },
  context: { now: Date; thresholds: TierThresholds },
): Promise<TierLevel> {
  try {
    await PaidSpendModel.create({
      memberId: new Types.ObjectId(input.memberId),
      key: input.idempotencyKey,
      amountFen: input.amountFen,
      paidAt: input.paidAt,
      reference: input.reference,
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const member = await loadMember(input.memberId);
  const spend = await rollingSpendFen(input.memberId, context.now);
  const level = tierAfterSpend(member.tier.level, spend, context.thresholds);
  if (level !== member.tier.level) {
    const lower = TIER_LEVELS.slice(0, TIER_LEVELS.indexOf(level));
    // Conditional: a concurrent upgrade to the same or a higher tier is kept. The new tier is reviewed on the next anniversary.
    await MemberModel.updateOne(
      { _id: member._id, 'tier.level': { $in: lower } },
      { $set: { 'tier.level': level, 'tier.since': context.now, 'tier.reviewDueAt': tierReviewDueAt(member.createdAt, level, context.now) } },
    );
  }
  return level;
}
