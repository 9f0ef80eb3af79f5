import { analyticsDay, type OpsAnalyticsMembersResponse } from '@cakeday/shared';
import { businessDaysFrom } from './businessDays';
import { MemberDayModel } from './MemberDay.model';
import { snapshotMemberDays } from './snapshotMemberDays';

/** A first read of a day the job has not counted yet counts once per instance, however many read at once. */
let counting: Promise<unknown> | null = null;

async function ensureToday(now: Date): Promise<void> {
  if (await MemberDayModel.exists({ _id: analyticsDay(now) })) return;
  counting ??= snapshotMemberDays(now).finally(() => {
    counting = null;
  });
  await counting;
}

/**
 * Members by tier and lifecycle stage over a range of business days: the daily snapshots, read by their day keys
 * (at most 366), never counted from the members per request. Days without a snapshot are left out.
 */
export async function readMemberDays(range: { from: string; to: string }, now: Date): Promise<OpsAnalyticsMembersResponse> {
  const rangeDays = businessDaysFrom(range.from, range.to);
  if (rangeDays.includes(analyticsDay(now))) await ensureToday(now);
  const stored = await MemberDayModel.find({ _id: { $in: rangeDays } }).lean();
  const byDay = new Map(stored.map((snapshot) => [snapshot._id, snapshot]));
  return {
    days: rangeDays.flatMap((day) => {
      const snapshot = byDay.get(day);
      return snapshot ? [{ day, members: snapshot.members, tiers: snapshot.tiers, stages: snapshot.stages, estimated: snapshot.estimated }] : [];
    }),
  };
}
