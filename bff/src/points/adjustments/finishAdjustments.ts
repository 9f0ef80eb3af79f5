import type { ApplyContext } from './adjustmentContext';
import { releaseAdjustmentLimit } from './adjustmentLimit';
import { applyAdjustment } from './applyAdjustment';
import { PointsAdjustmentModel } from './PointsAdjustment.model';

/** An adjustment approved this long ago and still not applied belongs to a request that died. */
export const ADJUSTMENT_REPAIR_GRACE_MS = 60_000;
const BATCH = 200;

/**
 * The repair job: applies approved adjustments a crash left before the ledger (their ledger key makes it post
 * once even if the approval is retried meanwhile), and gives rejected or failed adjustments' sizes back to the
 * daily limit where a crash stopped that.
 */
export async function finishAdjustments(context: ApplyContext): Promise<{ applied: number; failed: number; released: number }> {
  const cutoff = new Date(context.now.getTime() - ADJUSTMENT_REPAIR_GRACE_MS);
  const stuck = await PointsAdjustmentModel.find({
    state: 'approved',
    $or: [{ decidedAt: { $lte: cutoff } }, { decidedAt: null, requestedAt: { $lte: cutoff } }],
  })
    .sort({ requestedAt: 1, _id: 1 })
    .limit(BATCH)
    .lean();
  const counts = { applied: 0, failed: 0, released: 0 };
  for (const adjustment of stuck) {
    const result = await applyAdjustment(adjustment, context);
    if (result.state === 'applied') counts.applied += 1;
    if (result.state === 'failed') counts.failed += 1;
  }
  const unreleased = await PointsAdjustmentModel.find({ state: { $in: ['rejected', 'failed'] }, limitReleasedAt: null }).sort({ _id: 1 }).limit(BATCH).lean();
  for (const adjustment of unreleased) {
    await releaseAdjustmentLimit(adjustment, context.now);
    counts.released += 1;
  }
  return counts;
}
