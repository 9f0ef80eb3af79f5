import { LIFECYCLE_STAGES, toBusinessIso, type OpsAnalyticsSegmentsResponse } from '@cakeday/shared';
import { MemberStatsModel } from './MemberStats.model';

const SCORES = [0, 1, 2, 3, 4, 5];

async function countBy(field: string): Promise<Map<unknown, number>> {
  const groups = await MemberStatsModel.aggregate<{ _id: unknown; members: number }>([{ $match: { stage: { $ne: null } } }, { $group: { _id: `$${field}`, members: { $sum: 1 } } }]);
  return new Map(groups.map((group) => [group._id, group.members]));
}

/** Segment sizes: members per lifecycle stage and per R, F and M score, as the segment job last computed them. */
export async function readSegments(now: Date): Promise<OpsAnalyticsSegmentsResponse> {
  const [stages, r, f, m, members, pending, latest] = await Promise.all([
    countBy('stage'),
    countBy('rfm.r'),
    countBy('rfm.f'),
    countBy('rfm.m'),
    MemberStatsModel.countDocuments({}),
    MemberStatsModel.countDocuments({ reviewAt: { $ne: null, $lte: now } }),
    MemberStatsModel.findOne({ segmentedAt: { $ne: null } }, { segmentedAt: 1 }).sort({ segmentedAt: -1 }).lean(),
  ]);
  const scores = (counts: Map<unknown, number>) => SCORES.map((score) => ({ score, members: counts.get(score) ?? 0 }));
  return {
    stages: LIFECYCLE_STAGES.map((stage) => ({ stage, members: stages.get(stage) ?? 0 })),
    rfm: { r: scores(r), f: scores(f), m: scores(m) },
    members,
    pending,
    segmentedAt: latest?.segmentedAt ? toBusinessIso(latest.segmentedAt) : null,
  };
}
