import type { SegmentConditions } from '@cakeday/shared';
import { model, Schema, type Types } from 'mongoose';
import type { OperatorRef } from '../campaigns/Campaign.model';

/**
 * A member segment ops defined in the console: conditions over the member's lifecycle stage, RFM scores and level,
 * tier, birthday month, consents and activity. Deleting keeps the document (campaigns and the audit log name it):
 * it leaves `active`, and its `nameKey` (unique) frees the name for a new segment.
 */
export interface Segment {
  _id: Types.ObjectId;
  name: string;
  /** The name while active; `<name>#<id>` once deleted. Unique. */
  nameKey: string;
  conditions: SegmentConditions;
  state: 'active' | 'deleted';
  version: number;
  createdBy: OperatorRef;
  createdAt: Date;
  updatedAt: Date;
  auditSeqs: number[];
}

const segmentSchema = new Schema<Segment>(
  {
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    conditions: { type: Schema.Types.Mixed, required: true },
    state: { type: String, enum: ['active', 'deleted'], required: true },
    version: { type: Number, required: true },
    createdBy: { type: new Schema<OperatorRef>({ id: { type: String, required: true }, displayName: { type: String, required: true } }, { _id: false }), required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'segments', versionKey: false, minimize: false },
);
segmentSchema.index({ nameKey: 1 }, { unique: true });

export const SegmentModel = model<Segment>('Segment', segmentSchema);
