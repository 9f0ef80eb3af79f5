import { model, Schema } from 'mongoose';

/** Rewards granted to one referrer on one Asia/Shanghai day (`<referrerId>:<yyyymmdd>`), for the daily cap. */
export interface ReferralDailyCount {
  _id: string;
  count: number;
}

const referralDailyCountSchema = new Schema<ReferralDailyCount>(
  { _id: { type: String, required: true }, count: { type: Number, required: true } },
  { collection: 'referral_daily_counts', versionKey: false },
);

export const ReferralDailyCountModel = model<ReferralDailyCount>('ReferralDailyCount', referralDailyCountSchema);
