import type { OpsPointsAdjustmentsListRequest } from '@cakeday/shared';
import type { QueryFilter } from 'mongoose';
import { PointsAdjustmentModel, type PointsAdjustment } from './PointsAdjustment.model';

/** The approval queue (state `pending`) and the history, newest first. */
export async function listAdjustments(input: OpsPointsAdjustmentsListRequest): Promise<{ items: PointsAdjustment[]; total: number }> {
  const filter: QueryFilter<PointsAdjustment> = {};
  if (input.state) filter.state = input.state;
  if (input.memberId) filter.memberId = input.memberId;
  if (input.requestedBy) filter['requestedBy.id'] = input.requestedBy;
  const [items, total] = await Promise.all([
    PointsAdjustmentModel.find(filter).sort({ requestedAt: -1, _id: -1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    PointsAdjustmentModel.countDocuments(filter),
  ]);
  return { items, total };
}
