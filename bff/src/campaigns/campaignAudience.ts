import { birthdaysCelebratedWithin, EMPTY_SEGMENT_CONDITIONS, type SegmentConditions } from '@cakeday/shared';
import type { QueryFilter, Types } from 'mongoose';
import { unprocessable } from '../errors/AppError';
import { MemberModel, type Member } from '../members/Member.model';
import { SEGMENT_MEMBER_FIELDS, type SegmentMember } from '../segments/segmentFacts';
import { membersInSegment, segmentConditionsOf } from '../segments/segmentMembership';
import type { Campaign } from './Campaign.model';

/** The members a campaign's filters match (a birthday campaign: those with a birthday), whenever it runs. */
export function audienceFilter(campaign: Pick<Campaign, 'audience' | 'trigger'>): QueryFilter<Member> {
  const filter: QueryFilter<Member> = { status: 'active' };
  if (campaign.audience.tiers.length > 0) filter['tier.level'] = { $in: campaign.audience.tiers };
  if (campaign.audience.birthdayMonths.length > 0) filter['birthday.month'] = { $in: campaign.audience.birthdayMonths };
  if (campaign.trigger.kind === 'birthday') filter.birthday = { $ne: null };
  return filter;
}

/** Those of them a pass on `now` materialises: everyone for a push; for a birthday campaign, celebrations within its longest step. */
export function dueAudienceFilter(campaign: Pick<Campaign, 'audience' | 'trigger'>, now: Date): QueryFilter<Member> {
  const filter = audienceFilter(campaign);
  if (campaign.trigger.kind !== 'birthday') return filter;
  const days = Math.max(...campaign.trigger.daysBefore);
  return { ...filter, $or: birthdaysCelebratedWithin(now, days).map(({ month, day }) => ({ 'birthday.month': month, 'birthday.day': day })) };
}

/** The campaign's segment conditions, or null when it has none (every member its filters match). */
export async function audienceSegmentOf(campaign: Pick<Campaign, 'audience'>): Promise<SegmentConditions | null> {
  const segmentId = campaign.audience.segment;
  if (!segmentId) return null;
  // A segment cannot be deleted under an unfinished campaign; should it be gone anyway, nobody matches.
  return (await segmentConditionsOf(segmentId)) ?? { ...EMPTY_SEGMENT_CONDITIONS, birthdayMonths: [0] };
}

/** Of a batch the filters matched, those the campaign's segment holds now (all of them without a segment). */
export async function inAudienceSegment<T extends SegmentMember>(segment: SegmentConditions | null, members: readonly T[], now: Date): Promise<T[]> {
  return segment ? membersInSegment(segment, members, now) : [...members];
}

/** The campaign's audience now: its filters, then its segment (a pass over the filtered members in batches). */
export async function countAudience(campaign: Pick<Campaign, 'audience' | 'trigger'>, now: Date): Promise<number> {
  const filter = audienceFilter(campaign);
  const segment = await audienceSegmentOf(campaign);
  if (!segment) return MemberModel.countDocuments(filter);
  let count = 0;
  let afterId: Types.ObjectId | null = null;
  for (;;) {
    const members: SegmentMember[] = await MemberModel.find(afterId ? { $and: [filter, { _id: { $gt: afterId } }] } : filter, SEGMENT_MEMBER_FIELDS).sort({ _id: 1 }).limit(1000).lean();
    if (members.length === 0) return count;
    afterId = members.at(-1)?._id ?? null;
    count += (await membersInSegment(segment, members, now)).length;
  }
}

/** Refuses a campaign naming a segment that does not exist (422 CAMPAIGN_SEGMENT_UNKNOWN). */
export async function assertSegmentExists(segmentId: string | null | undefined): Promise<void> {
  if (segmentId && !(await segmentConditionsOf(segmentId))) throw unprocessable('CAMPAIGN_SEGMENT_UNKNOWN');
}
