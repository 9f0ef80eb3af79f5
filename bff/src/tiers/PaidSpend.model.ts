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
// Each key belongs to one member (an order's payment or refund): unique per member, so it can be sharded by member.
paidSpendSchema.index({ memberId: 1, key: 1 }, { unique: true, name: 'paid_spend_once_per_member' });
paidSpendSchema.index({ memberId: 1, paidAt: -1 });

export const PaidSpendModel = model<PaidSpend>('PaidSpend', paidSpendSchema);
