import { model, Schema } from 'mongoose';

/**
 * Slots taken under one daily cap: `_id` = `<purpose>:<subject>:<yyyymmdd>` (Asia/Shanghai day). `keys` names what
 * each slot was taken for, so taking and giving back are each conditional and happen once per key.
 */
export interface DailyCounter {
  _id: string;
  count: number;
  keys: string[];
}

const dailyCounterSchema = new Schema<DailyCounter>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
    keys: { type: [String], default: [] },
  },
  { collection: 'daily_counters', versionKey: false },
);

export const DailyCounterModel = model<DailyCounter>('DailyCounter', dailyCounterSchema);
