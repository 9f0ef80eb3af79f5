import { model, Schema, type Types } from 'mongoose';

/** Who changed what about a member outside the member's own rules (ops corrections), and why. */
export interface MemberAudit {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  action: string;
  operatorId: string;
  reason: string;
  before: unknown;
  after: unknown;
  at: Date;
}

const memberAuditSchema = new Schema<MemberAudit>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    action: { type: String, required: true },
    operatorId: { type: String, required: true },
    reason: { type: String, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'member_audits', versionKey: false },
);
memberAuditSchema.index({ memberId: 1, at: -1 });

export const MemberAuditModel = model<MemberAudit>('MemberAudit', memberAuditSchema);
