import { isValidObjectId } from 'mongoose';
import { forbidden, notFound } from '../../errors/AppError';
import type { AdjustmentContext } from './adjustmentContext';
import { PointsAdjustmentModel, type PointsAdjustment } from './PointsAdjustment.model';

/** The adjustment a second operator decides on: never one they requested themselves (four-eyes). */
export async function loadForDecision(id: string, context: AdjustmentContext): Promise<PointsAdjustment> {
  const adjustment = isValidObjectId(id) ? await PointsAdjustmentModel.findById(id).lean() : null;
  if (!adjustment) throw notFound();
  if (adjustment.requestedBy.id === context.operator.id) throw forbidden('OPS_ADJUSTMENT_SELF_APPROVAL');
  return adjustment;
}
