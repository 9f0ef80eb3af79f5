import { TIER_LEVELS, tierAfterSpend, tierReviewDueAt, type TierLevel, type TierThresholds } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { MemberModel } from '../members/Member.model';
import { loadMember } from '../members/loadMember';
import { PaidSpendModel } from './PaidSpend.model';
import { rollingSpendFen } from './rollingSpend';
import { pendingTierUpgrade, recordPendingTierUpgrades } from './tierUpgradeEvents';

/**
 * Records a payment (or, negative, a refund) once per key and upgrades the tier at once when the rolling
 * spend crosses a threshold. Refunds never lower the tier here: that is the anniversary review's job.
 * An upgrade is written with its pending `tier.upgraded` event (one update), which is then recorded in the outbox
 * (once, by key) and dropped: a crash in between is repaired by the member's next spend (a retry) or tiers.review.
 */
export async function recordPaidSpend(
  input: { memberId: string; amountFen: number; idempotencyKey: string; paidAt: Date; reference: string },
  context: { now: Date; thresholds: TierThresholds; afterTierWrite?: () => void },
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
  const pending = [...(member.tier.pendingUpgrades ?? [])];
  if (level !== member.tier.level) {
    const lower = TIER_LEVELS.slice(0, TIER_LEVELS.indexOf(level));
    const reviewDueAt = tierReviewDueAt(member.createdAt, level, context.now);
    const upgrade = reviewDueAt ? pendingTierUpgrade(member._id, member.tier.level, level, reviewDueAt, context.now) : null;
    // Conditional: a concurrent upgrade to the same or a higher tier is kept. The new tier is reviewed on the next anniversary.
    const written = await MemberModel.updateOne(
      { _id: member._id, 'tier.level': { $in: lower } },
      { $set: { 'tier.level': level, 'tier.since': context.now, 'tier.reviewDueAt': reviewDueAt }, ...(upgrade ? { $push: { 'tier.pendingUpgrades': upgrade } } : {}) },
    );
    if (upgrade && written.modifiedCount === 1) pending.push(upgrade);
    context.afterTierWrite?.();
  }
  await recordPendingTierUpgrades(member._id, pending, context.now);
  return level;
}
