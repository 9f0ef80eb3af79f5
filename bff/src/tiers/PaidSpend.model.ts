import { model, Schema, type Types } from 'mongoose';

/** Money the member paid (positive) or got refunded (negative), in fen; the base of the rolling tier spend. */
export interface PaidSpend {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  key: string;
  amountFen: number;
  paidAt: Date;
  reference: string;
}

const paidSpendSchema = new Schema<PaidSpend>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    amountFen: { type: Number, required: true },
    paidAt: { type: Date, required: true },
    reference: { type: String, required: true },
  },
  { collection: 'paid_spend', versionKey: false },
);
paidSpendSchema.index({ key: 1 }, { unique: true });
paidSpendSchema.index({ memberId: 1, paidAt: -1 });

export const PaidSpendModel = model<PaidSpend>('PaidSpend', paidSpendSchema);
