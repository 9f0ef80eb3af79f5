import { audited, auditSeqPush } from '../../audit/audited';
import { conflict } from '../../errors/AppError';
import type { AdjustmentContext } from './adjustmentContext';
import { releaseAdjustmentLimit } from './adjustmentLimit';
import { loadForDecision } from './loadAdjustment';
import { PointsAdjustmentModel, type PointsAdjustment } from './PointsAdjustment.model';

/** A second operator rejects a pending adjustment, with a reason: pending → rejected; no points move. */
export async function rejectAdjustment(id: string, reason: string, context: AdjustmentContext): Promise<PointsAdjustment> {
  const adjustment = await loadForDecision(id, context);
  if (adjustment.state !== 'pending') throw conflict('OPS_ADJUSTMENT_NOT_PENDING');
  const rejected = await audited(
    context.audit,
    { action: 'ops.points.adjustments.reject', subject: { type: 'PointsAdjustment', id }, before: { state: 'pending' }, after: { state: 'rejected' }, reason },
    async (entry) => {
      const moved = await PointsAdjustmentModel.findOneAndUpdate(
        { _id: adjustment._id, state: 'pending' },
        {
          $set: { state: 'rejected', decidedBy: { id: context.operator.id, displayName: context.operator.displayName }, decidedAt: context.now, rejectReason: reason },
          $push: auditSeqPush(entry._id),
        },
        { returnDocument: 'after' },
      ).lean();
      if (!moved) throw conflict('OPS_ADJUSTMENT_NOT_PENDING');
      return moved;
    },
  );
  await releaseAdjustmentLimit(rejected, context.now);
  return { ...rejected, limitReleasedAt: rejected.limitReleasedAt ?? context.now };
}
