import { model, Schema } from 'mongoose';
import type { DailyAmount } from '../../db/dailyCounter';

/** Points one operator adjusted on one Asia/Shanghai day (`<operatorId>:<yyyymmdd>`), with the adjustments counted. */
const adjustmentDailyTotalSchema = new Schema<DailyAmount>(
  { _id: { type: String, required: true }, count: { type: Number, required: true }, holders: { type: [String], default: [] } },
  { collection: 'points_adjustment_daily_totals', versionKey: false },
);

export const AdjustmentDailyTotalModel = model<DailyAmount>('AdjustmentDailyTotal', adjustmentDailyTotalSchema);
