import { model, Schema, type Types } from 'mongoose';
import { POINTS_ADJUSTMENT_STATES, type PointsAdjustmentState } from '@cakeday/shared';

export interface OperatorRef {
  id: string;
  displayName: string;
}

/**
 * A manual points adjustment by ops (see points.ops.rules.ts for its states). Every move is one conditional
 * update from the state it left; the ledger entry is keyed `ops-adjust:<_id>`, so however often an approved
 * adjustment is applied (a retried approval, the repair job) it posts once.
 */
export interface PointsAdjustment {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  /** Signed, never 0. */
  points: number;
  /** The operator's reason: internal. */
  reason: string;
  memberNote: string | null;
  state: PointsAdjustmentState;
  needsApproval: boolean;
  requestedBy: OperatorRef;
  requestedAt: Date;
  /** `<operatorId>:<idempotencyKey>`: unique, so a retried request finds its adjustment; also its daily-limit holder. */
  requestKey: string;
  /** The daily-limit counter its size was counted in (`<operatorId>:<yyyymmdd>`). */
  limitKey: string;
  /** When a rejected or failed adjustment gave its size back to the limit; null until then. */
  limitReleasedAt: Date | null;
  decidedBy: OperatorRef | null;
  decidedAt: Date | null;
  rejectReason: string | null;
  appliedAt: Date | null;
  failure: string | null;
  ledgerEntryId: Types.ObjectId | null;
  settingsVersion: number;
  /** The audit entries that changed it (audited.ts). */
  auditSeqs: number[];
}

const operatorRefSchema = new Schema<OperatorRef>({ id: { type: String, required: true }, displayName: { type: String, required: true } }, { _id: false });

const pointsAdjustmentSchema = new Schema<PointsAdjustment>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    points: { type: Number, required: true },
    reason: { type: String, required: true },
    memberNote: { type: String, default: null },
    state: { type: String, enum: POINTS_ADJUSTMENT_STATES, required: true },
    needsApproval: { type: Boolean, required: true },
    requestedBy: { type: operatorRefSchema, required: true },
    requestedAt: { type: Date, required: true },
    requestKey: { type: String, required: true },
    limitKey: { type: String, required: true },
    limitReleasedAt: { type: Date, default: null },
    decidedBy: { type: operatorRefSchema, default: null },
    decidedAt: { type: Date, default: null },
    rejectReason: { type: String, default: null },
    appliedAt: { type: Date, default: null },
    failure: { type: String, default: null },
    ledgerEntryId: { type: Schema.Types.ObjectId, default: null },
    settingsVersion: { type: Number, required: true },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'points_adjustments', versionKey: false },
);
pointsAdjustmentSchema.index({ requestKey: 1 }, { unique: true });
pointsAdjustmentSchema.index({ state: 1, requestedAt: -1 });
pointsAdjustmentSchema.index({ memberId: 1, requestedAt: -1 });
pointsAdjustmentSchema.index({ 'requestedBy.id': 1, requestedAt: -1 });

export const PointsAdjustmentModel = model<PointsAdjustment>('PointsAdjustment', pointsAdjustmentSchema);
