import { model, Schema, type Types } from 'mongoose';
import type { ErrorCode } from '@cakeday/shared';

/**
 * A refund a till reported, keyed by receipt and refund number per integration. waiting (its purchase not here yet,
 * or not settled) → settled (claimed on the purchase, points and spend taken back, coupons restored on a whole
 * refund) or refused (more than is left to refund, or the purchase was refused). A refund arriving before its
 * purchase waits and is settled when the purchase settles (or by pos.settle).
 */
export interface PosRefund {
  _id: Types.ObjectId;
  integrationId: Types.ObjectId;
  receiptNo: string;
  refundNo: string;
  requestHash: string;
  refundFen: number;
  refundedAt: Date;
  state: 'waiting' | 'settled' | 'refused';
  refusal: ErrorCode | null;
  purchaseId: Types.ObjectId | null;
  memberId: Types.ObjectId | null;
  pointsClawedBack: number;
  /** Points that paid part of the bill, given back in proportion (absent before points could pay = 0). */
  pointsReturned?: number;
  couponsRestored: Types.ObjectId[];
  createdAt: Date;
  settledAt: Date | null;
  /** When pos.settle next looks at it while waiting (backing off while its purchase does not come). */
  nextAttemptAt: Date | null;
}

const posRefundSchema = new Schema<PosRefund>(
  {
    integrationId: { type: Schema.Types.ObjectId, required: true },
    receiptNo: { type: String, required: true },
    refundNo: { type: String, required: true },
    requestHash: { type: String, required: true },
    refundFen: { type: Number, required: true },
    refundedAt: { type: Date, required: true },
    state: { type: String, enum: ['waiting', 'settled', 'refused'], required: true },
    refusal: { type: String, default: null },
    purchaseId: { type: Schema.Types.ObjectId, default: null },
    memberId: { type: Schema.Types.ObjectId, default: null },
    pointsClawedBack: { type: Number, default: 0 },
    pointsReturned: { type: Number, default: 0 },
    couponsRestored: { type: [Schema.Types.ObjectId], default: [] },
    createdAt: { type: Date, required: true },
    settledAt: { type: Date, default: null },
    nextAttemptAt: { type: Date, default: null },
  },
  { collection: 'pos_refunds', versionKey: false },
);
posRefundSchema.index({ integrationId: 1, receiptNo: 1, refundNo: 1 }, { unique: true, name: 'refund_once_per_receipt' });
posRefundSchema.index({ state: 1, nextAttemptAt: 1 });
posRefundSchema.index({ memberId: 1 });

export const PosRefundModel = model<PosRefund>('PosRefund', posRefundSchema);
