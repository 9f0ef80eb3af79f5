import { model, Schema } from 'mongoose';

/**
 * One business day's points liability (computed from the points accounts' lots once a day): what the dashboard and
 * the export read, and its history. No member is named: totals by month only.
 */
export interface LiabilitySnapshot {
  /** `2026-11-29`. */
  _id: string;
  computedAt: Date;
  outstandingPoints: number;
  members: number;
  /** Lots' remaining points by the Shanghai month they expire in. */
  months: { month: string; points: number }[];
  /** The last 365 days' points issued and redeemed, from the daily rollups. */
  issued: number;
  redeemed: number;
}

const liabilitySnapshotSchema = new Schema<LiabilitySnapshot>(
  {
    _id: { type: String, required: true },
    computedAt: { type: Date, required: true },
    outstandingPoints: { type: Number, required: true },
    members: { type: Number, required: true },
    months: { type: [new Schema({ month: String, points: Number }, { _id: false })], default: [] },
    issued: { type: Number, required: true },
    redeemed: { type: Number, required: true },
  },
  { collection: 'insights_liability', versionKey: false },
);

export const LiabilitySnapshotModel = model<LiabilitySnapshot>('LiabilitySnapshot', liabilitySnapshotSchema);
