import { Types } from 'mongoose';
import { MemberModel } from '../members/Member.model';
import { MemberStatsModel, type MemberStats } from './MemberStats.model';

/**
 * The member's stats, created on their first event (joined when the member document says, else at that event).
 * Null for an unknown or deleted member: nothing is kept about them.
 */
export async function memberStatsFor(memberId: string, at: Date): Promise<MemberStats | null> {
  const _id = new Types.ObjectId(memberId);
  const existing = await MemberStatsModel.findById(_id).lean();
  if (existing) return existing;
  const member = await MemberModel.findById(_id, { status: 1, createdAt: 1 }).lean();
  if (!member || member.status !== 'active') return null;
  return MemberStatsModel.findOneAndUpdate(
    { _id },
    { $setOnInsert: { joinedAt: member.createdAt ?? at, lastActiveAt: null, purchases: [], activeDays: [], funnelSteps: [], applied: [], stage: null, rfm: null, segmentedAt: null, segmentedWithVersion: null, reviewAt: at } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
}
