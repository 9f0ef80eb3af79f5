import { LIFECYCLE_STAGES } from '@cakeday/shared';
import type { PipelineStage } from 'mongoose';
import { MemberStatsModel } from './MemberStats.model';
import { SEGMENT_SIZES_ID, SegmentSizesModel, type SegmentSizes } from './SegmentSizes.model';

const SCORES = [0, 1, 2, 3, 4, 5];
const DUPLICATE_KEY = 11000;

type Group = { _id: unknown; members: number }[];
/** What segmentSizesPipeline answers: one document with a facet per count. */
export interface SegmentSizesFacets {
  stages: Group;
  r: Group;
  f: Group;
  m: Group;
  members: { members: number }[];
  pending: { members: number }[];
  latest: { segmentedAt: Date }[];
}

const countBy = (field: string): PipelineStage.FacetPipelineStage[] => [{ $match: { stage: { $ne: null } } }, { $group: { _id: `$${field}`, members: { $sum: 1 } } }];
const countAll = (match: Record<string, unknown>): PipelineStage.FacetPipelineStage[] => [{ $match: match }, { $group: { _id: null, members: { $sum: 1 } } }];

/** Every count of the segment sizes in one pass over member_stats (the bench's fixture runs it through the raw driver). */
export function segmentSizesPipeline(now: Date): PipelineStage[] {
  return [
    {
      $facet: {
        stages: countBy('stage'),
        r: countBy('rfm.r'),
        f: countBy('rfm.f'),
        m: countBy('rfm.m'),
        members: countAll({}),
        pending: countAll({ reviewAt: { $ne: null, $lte: now } }),
        latest: [{ $match: { segmentedAt: { $ne: null } } }, { $sort: { segmentedAt: -1 } }, { $limit: 1 }, { $project: { _id: 0, segmentedAt: 1 } }],
      },
    },
  ];
}

/** The snapshot document made of the pipeline's answer. */
export function segmentSizesFrom(facets: SegmentSizesFacets | undefined, takenAt: Date): SegmentSizes {
  const counts = (group: Group | undefined) => new Map((group ?? []).map((entry) => [entry._id, entry.members]));
  const stages = counts(facets?.stages);
  const scores = (group: Group | undefined) => {
    const byScore = counts(group);
    return SCORES.map((score) => byScore.get(score) ?? 0);
  };
  return {
    _id: SEGMENT_SIZES_ID,
    takenAt,
    stages: Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, stages.get(stage) ?? 0])),
    rfm: { r: scores(facets?.r), f: scores(facets?.f), m: scores(facets?.m) },
    members: facets?.members[0]?.members ?? 0,
    pending: facets?.pending[0]?.members ?? 0,
    segmentedAt: facets?.latest[0]?.segmentedAt ?? null,
  };
}

/**
 * Counts the segment sizes over every member's stats and keeps them as the snapshot, unless a count taken later is
 * already there (two instances' runs, a slow count): one conditional upsert, a lost race is a duplicate key.
 */
export async function snapshotSegmentSizes(now: Date): Promise<SegmentSizes> {
  const [facets] = await MemberStatsModel.aggregate<SegmentSizesFacets>(segmentSizesPipeline(now));
  const sizes = segmentSizesFrom(facets, now);
  const { _id, ...fields } = sizes;
  try {
    await SegmentSizesModel.updateOne({ _id, takenAt: { $lte: now } }, { $set: fields }, { upsert: true });
  } catch (error) {
    if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
  }
  return sizes;
}
