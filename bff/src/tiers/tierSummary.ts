import { nextAnniversary, tierNames, tierProgress, type TierSummary, type TierThresholds } from '@cakeday/shared';
import type { Member } from '../members/Member.model';
import { rollingSpendFen } from './rollingSpend';

const isoDate = (date: { year: number; month: number; day: number }): string =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

export async function tierSummary(member: Member, context: { now: Date; thresholds: TierThresholds }): Promise<TierSummary> {
  const spend = await rollingSpendFen(member._id.toHexString(), context.now);
  const progress = tierProgress(member.tier.level, spend, context.thresholds);
  return {
    level: member.tier.level,
    name: tierNames[member.tier.level],
    rollingSpendFen: spend,
    next:
      progress.next && progress.nextThresholdFen !== null && progress.remainingFen !== null
        ? { level: progress.next, name: tierNames[progress.next], thresholdFen: progress.nextThresholdFen, remainingFen: progress.remainingFen }
        : null,
    reviewOn: isoDate(nextAnniversary(member.createdAt, context.now)),
  };
}
