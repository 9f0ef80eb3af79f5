import { audited, auditSeqPush } from '../../audit/audited';
import { AppError, conflict } from '../../errors/AppError';
import { crashPoint, type AdjustmentContext } from './adjustmentContext';
import { applyAdjustment } from './applyAdjustment';
import { loadForDecision } from './loadAdjustment';
import { PointsAdjustmentModel, type PointsAdjustment } from './PointsAdjustment.model';

const notPending = (error: unknown): boolean => error instanceof AppError && error.code === 'OPS_ADJUSTMENT_NOT_PENDING';

/**
 * A second operator approves: pending → approved (audited, one conditional update: of many approvals at once
 * exactly one moves it), then the adjustment is applied. Approving an adjustment that is already approved or
 * applied finishes or returns it, so a retry after a crash between the approval and the ledger posts it once.
 */
export async function approveAdjustment(id: string, context: AdjustmentContext): Promise<PointsAdjustment> {
  const adjustment = await loadForDecision(id, context);
  if (adjustment.state === 'pending') {
    try {
      await audited(
        context.audit,
        { action: 'ops.points.adjustments.approve', subject: { type: 'PointsAdjustment', id }, before: { state: 'pending' }, after: { state: 'approved' } },
        async (entry) => {
          const moved = await PointsAdjustmentModel.updateOne(
            { _id: adjustment._id, state: 'pending' },
            { $set: { state: 'approved', decidedBy: { id: context.operator.id, displayName: context.operator.displayName }, decidedAt: context.now }, $push: auditSeqPush(entry._id) },
          );
          if (moved.modifiedCount !== 1) throw conflict('OPS_ADJUSTMENT_NOT_PENDING');
        },
      );
    } catch (error) {
      // Another approval (or a rejection) got there first: what it left decides below.
      if (!notPending(error)) throw error;
    }
    crashPoint(context, 'approved');
  }
  const current = await PointsAdjustmentModel.findById(adjustment._id).lean();
  if (current?.state === 'approved') return applyAdjustment(current, context);
  if (current?.state === 'applied') return current;
  throw conflict('OPS_ADJUSTMENT_NOT_PENDING');
}
