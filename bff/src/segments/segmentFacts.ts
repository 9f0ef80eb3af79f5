import { businessDaysBetween, lastActivityOf, type ConsentPurpose, type SegmentConditions, type SegmentFacts } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { MemberStatsModel } from '../analytics/MemberStats.model';
import { consentingMembers } from '../consents/consentingMembers';
import type { Member } from '../members/Member.model';

export type SegmentMember = Pick<Member, '_id' | 'tier' | 'birthday'>;

/** The projection a batch of members needs for segment facts. */
export const SEGMENT_MEMBER_FIELDS = { _id: 1, tier: 1, birthday: 1 } as const;

/**
 * The facts segments are evaluated on, for one batch of members: their analytics stats (read by id) and the consents
 * the conditions name (one query per purpose). Members analytics has no stats for yet have no stage, scores or idle days.
 */
export async function segmentFactsFor(members: readonly SegmentMember[], purposes: readonly ConsentPurpose[], withStats: boolean, now: Date): Promise<Map<string, SegmentFacts>> {
  const ids: Types.ObjectId[] = members.map((member) => member._id);
  const [stats, ...consents] = await Promise.all([
    withStats && ids.length > 0 ? MemberStatsModel.find({ _id: { $in: ids } }, { joinedAt: 1, lastActiveAt: 1, purchases: 1, stage: 1, rfm: 1 }).lean() : Promise.resolve([]),
    ...purposes.map((purpose) => consentingMembers(ids, purpose)),
  ]);
  const statsById = new Map(stats.map((stat) => [stat._id.toHexString(), stat]));
  return new Map(
    members.map((member) => {
      const id = member._id.toHexString();
      const stat = statsById.get(id);
      const granted = new Set(purposes.filter((_purpose, index) => consents[index]?.has(id)));
      const facts: SegmentFacts = {
        stage: stat?.stage ?? null,
        rfm: stat?.rfm ?? null,
        tier: member.tier.level,
        birthdayMonth: member.birthday?.month ?? null,
        consents: granted,
        idleDays: stat ? businessDaysBetween(lastActivityOf(stat), now) : null,
      };
      return [id, facts];
    }),
  );
}

/** The consent purposes any of the conditions name. */
export const purposesOf = (conditions: readonly SegmentConditions[]): ConsentPurpose[] => [...new Set(conditions.flatMap((condition) => condition.consents))];
