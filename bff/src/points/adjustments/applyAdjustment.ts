import { adjustmentMemberText } from '@cakeday/shared';
import { adjustPoints } from '../adjustPoints';
import { adjustmentLedgerKey, crashPoint, type ApplyContext } from './adjustmentContext';
import { releaseAdjustmentLimit } from './adjustmentLimit';
import { PointsAdjustmentModel, type PointsAdjustment } from './PointsAdjustment.model';

async function reload(adjustment: PointsAdjustment): Promise<PointsAdjustment> {
  return (await PointsAdjustmentModel.findById(adjustment._id).lean()) ?? adjustment;
}

/**
 * approved → applied | failed: posts the adjustment's ledger entry (keyed by the adjustment, so any number of
 * runs, concurrent or after a crash, post once) and records its outcome by a conditional move out of approved.
 * Anything but an approved adjustment is returned as it is.
 */
export async function applyAdjustment(adjustment: PointsAdjustment, context: ApplyContext): Promise<PointsAdjustment> {
  if (adjustment.state !== 'approved') return adjustment;
  const id = adjustment._id.toHexString();
  const entry = await adjustPoints(
    {
      memberId: adjustment.memberId.toHexString(),
      points: adjustment.points,
      idempotencyKey: adjustmentLedgerKey(id),
      reason: adjustmentMemberText(adjustment.memberNote),
      reference: { type: 'points_adjustment', id },
    },
    { now: context.now, settings: context.settings, queue: context.queue, faults: context.faults?.ledger },
  );
  crashPoint(context, 'posted');
  if (entry.state === 'applied') {
    await PointsAdjustmentModel.updateOne(
      { _id: adjustment._id, state: 'approved' },
      { $set: { state: 'applied', appliedAt: entry.appliedAt ?? context.now, ledgerEntryId: entry._id } },
    );
    return reload(adjustment);
  }
  // Still pending in the ledger (it lost every compare-and-set round): stays approved for the repair job.
  if (entry.state !== 'rejected') return reload(adjustment);
  await PointsAdjustmentModel.updateOne(
    { _id: adjustment._id, state: 'approved' },
    { $set: { state: 'failed', failure: entry.rejection ?? 'POINTS_INSUFFICIENT', ledgerEntryId: entry._id } },
  );
  await releaseAdjustmentLimit(adjustment, context.now);
  return reload(adjustment);
}
