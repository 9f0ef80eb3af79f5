import { model, Schema, type Types } from 'mongoose';
import { POINTS_ENTRY_KINDS } from '@cakeday/shared';
import type { Allocation } from './ledgerMath';

export type PointsEntryKind = (typeof POINTS_ENTRY_KINDS)[number];
/** pending: written, maybe applied to the account; applied: counted in the balance; rejected: never counted. */
export type PointsEntryState = 'pending' | 'applied' | 'rejected';
/** adjust: whether ops add points (a lot, like an earn) or take them (from the lots expiring first, like a spend). */
export type PointsAdjustDirection = 'credit' | 'debit';

export interface PointsReference {
  /** What caused the entry: 'order', 'mall_order', 'referral', 'lot', 'points_entry', 'seed'... */
  type: string;
  id: string;
}

/** One line of the append-only ledger. Corrections are new reversing entries, never edits or deletions. */
export interface PointsEntry {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  /** The caller's idempotency key; unique, so the same request never posts twice. */
  key: string;
  kind: PointsEntryKind;
  state: PointsEntryState;
  /** The requested size (positive); for expiry, 0 until applied. */
  requested: number;
  /** adjust only; null for every other kind. */
  direction: PointsAdjustDirection | null;
  /** Signed change to the balance, known once applied. */
  delta: number | null;
  reasonCode: string;
  reason: string;
  reference: PointsReference | null;
  /** earn and credit adjust: when its lot expires. */
  expiresAt: Date | null;
  /** reverse/expire: the entry or lot acted on. */
  targetId: string | null;
  allocations: Allocation[];
  rejection: 'POINTS_INSUFFICIENT' | 'POINTS_BALANCE_NEGATIVE' | null;
  /**
   * The program settings version the entry used (an earn's rate and lot expiry, a credit's expiry); null for entries
   * settings do not govern (spends, reversals, expiry) and absent on entries written before versions were kept.
   */
  settingsVersion?: number | null;
  createdAt: Date;
  appliedAt: Date | null;
}

const pointsEntrySchema = new Schema<PointsEntry>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    kind: { type: String, enum: POINTS_ENTRY_KINDS, required: true },
    state: { type: String, enum: ['pending', 'applied', 'rejected'], required: true },
    requested: { type: Number, required: true, min: 0 },
    direction: { type: String, enum: ['credit', 'debit', null], default: null },
    delta: { type: Number, default: null },
    reasonCode: { type: String, required: true },
    reason: { type: String, required: true },
    reference: { type: new Schema<PointsReference>({ type: String, id: String }, { _id: false }), default: null },
    expiresAt: { type: Date, default: null },
    targetId: { type: String, default: null },
    allocations: { type: [new Schema<Allocation>({ lotId: String, amount: Number }, { _id: false })], default: [] },
    rejection: { type: String, default: null },
    settingsVersion: { type: Number, default: null },
    createdAt: { type: Date, required: true },
    appliedAt: { type: Date, default: null },
  },
  { collection: 'points_entries', versionKey: false },
);
pointsEntrySchema.index({ key: 1 }, { unique: true });
pointsEntrySchema.index({ memberId: 1, state: 1, createdAt: -1 });
pointsEntrySchema.index({ state: 1, createdAt: 1 });

export const PointsEntryModel = model<PointsEntry>('PointsEntry', pointsEntrySchema);
