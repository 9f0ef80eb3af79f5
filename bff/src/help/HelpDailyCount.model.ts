import { model, Schema } from 'mongoose';

/** Campaigns one friend helped on one Asia/Shanghai day (`<helperId>:<yyyymmdd>`), for the daily cap. */
export interface HelpDailyCount {
  _id: string;
  count: number;
}

const helpDailyCountSchema = new Schema<HelpDailyCount>(
  { _id: { type: String, required: true }, count: { type: Number, required: true } },
  { collection: 'help_daily_counts', versionKey: false },
);

export const HelpDailyCountModel = model<HelpDailyCount>('HelpDailyCount', helpDailyCountSchema);
