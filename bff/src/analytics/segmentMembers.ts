import { lifecycleStage, nextSegmentChangeAt, rfmScores, type LifecycleThresholds } from '@cakeday/shared';
import type { SettingsSnapshot } from '../settings/settingsSource';
import type { QueryFilter, Types } from 'mongoose';
import { MemberStatsModel, type MemberStats } from './MemberStats.model';
import { snapshotSegmentSizes } from './segmentSizes';

const BATCH = 500;
/** A run stops after this many batches and leaves the rest for the next: the job's lease is not held forever. */
const MAX_BATCHES = 200;

/**
 * Computes the lifecycle stage and RFM scores of the members due for it: those with new activity (the consumer
 * sets `reviewAt`) and those a threshold has reached by time alone (`reviewAt` is the next such instant). A member
 * whose stats changed meanwhile (another `reviewAt`) is left due for the next round. Members computed under another
 * settings version are due now: the thresholds may have moved. Then the segment sizes are counted once for the
 * dashboard (which reads that snapshot, never the members' stats).
 */
export async function segmentMembers(context: { now: Date; settings: SettingsSnapshot }): Promise<{ segmented: number }> {
  const { now } = context;
  const { settings, version } = context.settings;
  await MemberStatsModel.updateMany({ segmentedWithVersion: { $ne: version } }, { $set: { reviewAt: now } });
  const lifecycle: LifecycleThresholds = { ...settings.segments.lifecycle, silentAfterDays: settings.marketing.silentAfterDays };
  const rfm = settings.segments.rfm;
  let segmented = 0;
  let after: { reviewAt: Date; _id: Types.ObjectId } | null = null;
  for (let batchNo = 0; batchNo < MAX_BATCHES; batchNo += 1) {
    const position: QueryFilter<MemberStats> = after ? { $or: [{ reviewAt: { $gt: after.reviewAt } }, { reviewAt: after.reviewAt, _id: { $gt: after._id } }] } : {};
    const batch = await MemberStatsModel.find({ $and: [{ reviewAt: { $ne: null, $lte: now } }, position] })
      .sort({ reviewAt: 1, _id: 1 })
      .limit(BATCH)
      .lean();
    for (const stats of batch) {
      const activity = { joinedAt: stats.joinedAt, lastActiveAt: stats.lastActiveAt, purchases: stats.purchases };
      const result = await MemberStatsModel.updateOne(
        { _id: stats._id, reviewAt: stats.reviewAt },
        {
          $set: {
            stage: lifecycleStage(activity, now, lifecycle),
            rfm: rfmScores(activity, now, rfm),
            segmentedAt: now,
            segmentedWithVersion: version,
            reviewAt: nextSegmentChangeAt(activity, now, { lifecycle, rfm }),
          },
        },
      );
      segmented += result.modifiedCount;
      if (stats.reviewAt) after = { reviewAt: stats.reviewAt, _id: stats._id };
    }
    if (batch.length < BATCH) break;
  }
  await snapshotSegmentSizes(now);
  return { segmented };
}
