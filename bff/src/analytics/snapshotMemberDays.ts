import { analyticsDay, LIFECYCLE_STAGES, TIER_LEVELS, type MemberDayStage, type TierLevel } from '@cakeday/shared';
import { MemberModel } from '../members/Member.model';
import { businessDaysFrom } from './businessDays';
import { MemberDayModel, type MemberDay } from './MemberDay.model';
import { MemberStatsModel } from './MemberStats.model';

const DAY_MS = 86_400_000;
/** Days a run looks back for days the job missed (a crash, a stopped deployment): older gaps stay gaps. */
export const MEMBER_DAYS_BACKFILL = 31;
// Asia/Shanghai keeps UTC+8 all year: a join instant moved by 8 hours has the Shanghai date as its UTC date.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DUPLICATE_KEY = 11000;

type JoinRow = { _id: { key: string | null; day: string }; members: number };
type Counts = Pick<MemberDay, 'members' | 'tiers' | 'stages'>;

const joinDay = (field: string) => ({ $dateToString: { format: '%Y-%m-%d', date: { $add: [`$${field}`, SHANGHAI_OFFSET_MS] } } });

/** One pass over the members and one over their stats: counts by tier and by stage, per Shanghai day of joining. */
async function countsByJoinDay(): Promise<{ tiers: JoinRow[]; stages: JoinRow[] }> {
  const [tiers, stages] = await Promise.all([
    MemberModel.aggregate<JoinRow>([{ $match: { status: 'active' } }, { $group: { _id: { key: '$tier.level', day: joinDay('createdAt') }, members: { $sum: 1 } } }]),
    MemberStatsModel.aggregate<JoinRow>([{ $match: { stage: { $ne: null } } }, { $group: { _id: { key: '$stage', day: joinDay('joinedAt') }, members: { $sum: 1 } } }]),
  ]);
  return { tiers, stages };
}

/** The members who had joined by the end of `day`, by the tier and stage each has now. */
export function countsAsOf(rows: { tiers: JoinRow[]; stages: JoinRow[] }, day: string): Counts {
  const sum = <K extends string>(keys: readonly K[], joined: JoinRow[]): Record<K, number> => {
    const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
    for (const row of joined) if (row._id.day <= day && keys.includes(row._id.key as K)) counts[row._id.key as K] += row.members;
    return counts;
  };
  const tiers = sum<TierLevel>(TIER_LEVELS, rows.tiers);
  const staged = sum(LIFECYCLE_STAGES, rows.stages);
  const members = Object.values<number>(tiers).reduce((total, value) => total + value, 0);
  const withStage = Object.values<number>(staged).reduce((total, value) => total + value, 0);
  const stages: Record<MemberDayStage, number> = { ...staged, pending: Math.max(0, members - withStage) };
  return { members, tiers, stages };
}

async function writeDay(day: string, counts: Counts, now: Date, estimated: boolean): Promise<void> {
  // Today's count replaces the day's (a re-run overwrites, unless a count taken later is there); a missed day is
  // only ever inserted, never written over a real count.
  const filter = estimated ? { _id: day } : { _id: day, takenAt: { $lte: now } };
  const update = estimated ? { $setOnInsert: { ...counts, takenAt: now, estimated } } : { $set: { ...counts, takenAt: now, estimated } };
  try {
    await MemberDayModel.updateOne(filter, update, { upsert: true });
  } catch (error) {
    if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
  }
}

export interface MemberDaysHooks {
  /** Test crash point: after today's snapshot, before the missed days are filled in. */
  afterToday?: () => void;
}

/**
 * Today's members by tier and lifecycle stage (stages as the segment job last computed them), one document per
 * Shanghai day; then the days of the last MEMBER_DAYS_BACKFILL the job missed are filled in, from the same counts by
 * join date (flagged `estimated`). A re-run the same day overwrites today's document: a measurement, never a sum.
 */
export async function snapshotMemberDays(now: Date, hooks: MemberDaysHooks = {}): Promise<{ day: string; backfilled: string[] }> {
  const today = analyticsDay(now);
  const rows = await countsByJoinDay();
  await writeDay(today, countsAsOf(rows, today), now, false);
  hooks.afterToday?.();

  const firstJoined = rows.tiers.reduce((first, row) => (row._id.day < first ? row._id.day : first), today);
  const windowStart = analyticsDay(new Date(now.getTime() - MEMBER_DAYS_BACKFILL * DAY_MS));
  const from = firstJoined > windowStart ? firstJoined : windowStart;
  const yesterday = analyticsDay(new Date(now.getTime() - DAY_MS));
  if (from > yesterday) return { day: today, backfilled: [] };
  const present = new Set((await MemberDayModel.find({ _id: { $gte: from, $lte: yesterday } }, { _id: 1 }).lean()).map((doc) => doc._id));
  const missing = businessDaysFrom(from, yesterday).filter((day) => !present.has(day));
  for (const day of missing) await writeDay(day, countsAsOf(rows, day), now, true);
  return { day: today, backfilled: missing };
}
