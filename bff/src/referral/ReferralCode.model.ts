import { model, Schema, type Types } from 'mongoose';

/** Every member's referral code, made on first need (`_id` is the member id). */
export interface ReferralCode {
  _id: Types.ObjectId;
  code: string;
  createdAt: Date;
}

const referralCodeSchema = new Schema<ReferralCode>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    code: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'referral_codes', versionKey: false },
);
referralCodeSchema.index({ code: 1 }, { unique: true });

export const ReferralCodeModel = model<ReferralCode>('ReferralCode', referralCodeSchema);
