import { model, Schema, type Types } from 'mongoose';
import { REPORT_REASONS, type ReportReason } from '@cakeday/shared';

/**
 * A member's report of a post or comment: one per reporter and item (`key`). Its weight is fixed when made (from
 * the reporter's upheld and dismissed reports); a moderator's decision settles it: upheld when the item is
 * removed, dismissed when it is approved or restored.
 */
export interface CommunityReport {
  _id: Types.ObjectId;
  /** `<reporterId>:<kind>:<targetId>`. */
  key: string;
  reporterId: Types.ObjectId;
  targetKind: 'post' | 'comment';
  targetId: Types.ObjectId;
  targetAuthorId: Types.ObjectId;
  reason: ReportReason;
  note: string | null;
  weight: number;
  state: 'open' | 'upheld' | 'dismissed';
  createdAt: Date;
  settledAt: Date | null;
}

const communityReportSchema = new Schema<CommunityReport>(
  {
    key: { type: String, required: true },
    reporterId: { type: Schema.Types.ObjectId, required: true },
    targetKind: { type: String, enum: ['post', 'comment'], required: true },
    targetId: { type: Schema.Types.ObjectId, required: true },
    targetAuthorId: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, enum: REPORT_REASONS, required: true },
    note: { type: String, default: null },
    weight: { type: Number, required: true },
    state: { type: String, enum: ['open', 'upheld', 'dismissed'], required: true },
    createdAt: { type: Date, required: true },
    settledAt: { type: Date, default: null },
  },
  { collection: 'community_reports', versionKey: false },
);
communityReportSchema.index({ key: 1 }, { unique: true });
communityReportSchema.index({ targetKind: 1, targetId: 1, state: 1 });
communityReportSchema.index({ reporterId: 1, state: 1 });

export const CommunityReportModel = model<CommunityReport>('CommunityReport', communityReportSchema);
