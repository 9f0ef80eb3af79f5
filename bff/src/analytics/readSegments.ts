import { LIFECYCLE_STAGES, toBusinessIso, type OpsAnalyticsSegmentsResponse } from '@cakeday/shared';
import { SEGMENT_SIZES_ID, SegmentSizesModel, type SegmentSizes } from './SegmentSizes.model';
import { snapshotSegmentSizes } from './segmentSizes';

/** A first dashboard before the segment job ever ran counts once per instance, however many read at once. */
let counting: Promise<SegmentSizes> | null = null;

async function firstSnapshot(now: Date): Promise<SegmentSizes> {
  counting ??= snapshotSegmentSizes(now).finally(() => {
    counting = null;
  });
  return counting;
}

/**
 * Segment sizes: members per lifecycle stage and per R, F and M score, as the segment job's last run counted them
 * (one document read by its key; the stages only change when that job runs).
 */
export async function readSegments(now: Date): Promise<OpsAnalyticsSegmentsResponse> {
  const sizes = (await SegmentSizesModel.findById(SEGMENT_SIZES_ID).lean()) ?? (await firstSnapshot(now));
  const scores = (counts: number[]) => counts.map((members, score) => ({ score, members }));
  return {
    stages: LIFECYCLE_STAGES.map((stage) => ({ stage, members: sizes.stages[stage] ?? 0 })),
    rfm: { r: scores(sizes.rfm.r), f: scores(sizes.rfm.f), m: scores(sizes.rfm.m) },
    members: sizes.members,
    pending: sizes.pending,
    segmentedAt: sizes.segmentedAt ? toBusinessIso(sizes.segmentedAt) : null,
  };
}
