import { model, Schema, type Types } from 'mongoose';

/**
 * One claim of one package for one celebration year. The unique key is what makes a claim exactly-once;
 * `issuing` → `issued` lets a claim whose coupons were not all issued (a crash) be completed later.
 */
export interface BirthdayClaim {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  packageCode: string;
  celebrationYear: number;
  state: 'issuing' | 'issued';
  couponIds: Types.ObjectId[];
  claimedAt: Date;
  completedAt: Date | null;
}

const birthdayClaimSchema = new Schema<BirthdayClaim>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    packageCode: { type: String, required: true },
    celebrationYear: { type: Number, required: true },
    state: { type: String, enum: ['issuing', 'issued'], required: true },
    couponIds: { type: [Schema.Types.ObjectId], default: [] },
    claimedAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'birthday_claims', versionKey: false },
);
birthdayClaimSchema.index({ memberId: 1, packageCode: 1, celebrationYear: 1 }, { unique: true, name: 'birthday_claim_once' });
birthdayClaimSchema.index({ state: 1, claimedAt: 1 });

export const BirthdayClaimModel = model<BirthdayClaim>('BirthdayClaim', birthdayClaimSchema);
