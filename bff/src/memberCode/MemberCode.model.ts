import { model, Schema, type Types } from 'mongoose';

/**
 * A 会员码 the member's page showed: identifies the member at a till for 60 seconds, carries the coupons they chose,
 * and is spent by the first purchase recorded against it (`usedByPurchaseKey`, set by one conditional write).
 * purgeMemberCodes deletes codes a day after they expired (no TTL on the dev database).
 */
export interface MemberCode {
  _id: Types.ObjectId;
  /** The 18 digits of the barcode (also inside the signed QR token). */
  code: string;
  memberId: Types.ObjectId;
  couponIds: Types.ObjectId[];
  issuedAt: Date;
  expiresAt: Date;
  /** The integration that identified the member with it last, and when: its purchase may follow after expiry. */
  identifiedByIntegrationId: Types.ObjectId | null;
  identifiedAt: Date | null;
  /** `<integrationId>:<receiptNo>` of the purchase that used it; null while unused. */
  usedByPurchaseKey: string | null;
  usedAt: Date | null;
}

const memberCodeSchema = new Schema<MemberCode>(
  {
    code: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    couponIds: { type: [Schema.Types.ObjectId], default: [] },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    identifiedByIntegrationId: { type: Schema.Types.ObjectId, default: null },
    identifiedAt: { type: Date, default: null },
    usedByPurchaseKey: { type: String, default: null },
    usedAt: { type: Date, default: null },
  },
  { collection: 'member_codes', versionKey: false },
);
memberCodeSchema.index({ code: 1 }, { unique: true });
memberCodeSchema.index({ expiresAt: 1 });
memberCodeSchema.index({ memberId: 1 });

export const MemberCodeModel = model<MemberCode>('MemberCode', memberCodeSchema);
