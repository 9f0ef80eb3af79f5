import { model, Schema, type Types } from 'mongoose';
import type { Allocation, PointsLot } from './ledgerMath';

/** An entry applied to the balance whose own document has not yet been marked applied (see ledger.ts). */
export interface PendingApplication {
  entryId: Types.ObjectId;
  delta: number;
  allocations: Allocation[];
}

/** One per member (same _id): the balance and the live lots, changed only by compare-and-set on `version`. */
export interface PointsAccount {
  _id: Types.ObjectId;
  balance: number;
  version: number;
  lots: PointsLot[];
  pending: PendingApplication[];
  updatedAt: Date;
}

const allocationSchema = new Schema<Allocation>({ lotId: { type: String, required: true }, amount: { type: Number, required: true } }, { _id: false });

const lotSchema = new Schema<PointsLot>(
  {
    lotId: { type: String, required: true },
    earnedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    amount: { type: Number, required: true },
    remaining: { type: Number, required: true, min: 0 },
  },
  { _id: false },
);

const pointsAccountSchema = new Schema<PointsAccount>(
  {
    balance: { type: Number, required: true, default: 0 },
    version: { type: Number, required: true, default: 0 },
    lots: { type: [lotSchema], default: [] },
    pending: {
      type: [new Schema<PendingApplication>({ entryId: { type: Schema.Types.ObjectId, required: true }, delta: Number, allocations: [allocationSchema] }, { _id: false })],
      default: [],
    },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'points_accounts', versionKey: false },
);
// The expiry job looks accounts up by their lots' expiry.
pointsAccountSchema.index({ 'lots.expiresAt': 1 });

export const PointsAccountModel = model<PointsAccount>('PointsAccount', pointsAccountSchema);
