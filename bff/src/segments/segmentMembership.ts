import { builtInSegment, matchesSegment, needsMemberStats, type SegmentConditions } from '@cakeday/shared';
import { Types, type QueryFilter } from 'mongoose';
import { MemberModel, type Member } from '../members/Member.model';
import { purposesOf, SEGMENT_MEMBER_FIELDS, segmentFactsFor, type SegmentMember } from './segmentFacts';
import { SegmentModel } from './Segment.model';

const BATCH = 1000;

/** A segment's conditions by id (built-in or an active stored one), or null when there is no such segment. */
export async function segmentConditionsOf(segmentId: string): Promise<SegmentConditions | null> {
  const builtIn = builtInSegment(segmentId);
  if (builtIn) return builtIn.conditions;
  if (!Types.ObjectId.isValid(segmentId)) return null;
  const stored = await SegmentModel.findOne({ _id: new Types.ObjectId(segmentId), state: 'active' }, { conditions: 1 }).lean();
  return stored?.conditions ?? null;
}

/** Of a batch of members (with tier and birthday), those in the segment now. */
export async function membersInSegment<T extends SegmentMember>(conditions: SegmentConditions, members: readonly T[], now: Date): Promise<T[]> {
  const facts = await segmentFactsFor(members, conditions.consents, needsMemberStats(conditions), now);
  return members.filter((member) => {
    const memberFacts = facts.get(member._id.toHexString());
    return memberFacts !== undefined && matchesSegment(conditions, memberFacts);
  });
}

/** What the member document alone narrows (tier, birthday month): the pass reads only those members. */
function memberFilterOf(conditions: SegmentConditions): QueryFilter<Member> {
  const filter: QueryFilter<Member> = { status: 'active' };
  if (conditions.tiers.length > 0) filter['tier.level'] = { $in: conditions.tiers };
  if (conditions.birthdayMonths.length > 0) filter['birthday.month'] = { $in: conditions.birthdayMonths };
  return filter;
}

/**
 * How many active members each segment holds now: one pass over the members in _id order, batch by batch, with
 * the stats and consents of each batch read once for every segment. A single segment narrows the pass by tier
 * and birthday month first.
 */
export async function segmentSizes(segments: readonly SegmentConditions[], now: Date): Promise<number[]> {
  const sizes = segments.map(() => 0);
  if (segments.length === 0) return sizes;
  const filter: QueryFilter<Member> = segments.length === 1 && segments[0] ? memberFilterOf(segments[0]) : { status: 'active' };
  const purposes = purposesOf(segments);
  const withStats = segments.some(needsMemberStats);
  let afterId: Types.ObjectId | null = null;
  for (;;) {
    const members: SegmentMember[] = await MemberModel.find(afterId ? { $and: [filter, { _id: { $gt: afterId } }] } : filter, SEGMENT_MEMBER_FIELDS).sort({ _id: 1 }).limit(BATCH).lean();
    if (members.length === 0) return sizes;
    afterId = members.at(-1)?._id ?? null;
    const facts = await segmentFactsFor(members, purposes, withStats, now);
    for (const memberFacts of facts.values()) {
      segments.forEach((conditions, index) => {
        if (matchesSegment(conditions, memberFacts)) sizes[index] = (sizes[index] ?? 0) + 1;
      });
    }
    if (members.length < BATCH) return sizes;
  }
}
