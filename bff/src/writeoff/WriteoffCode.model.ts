import { model, Schema, type Types } from 'mongoose';
import type { QrSubject } from './qrToken';

/**
 * The numeric code shown beside a coupon's or pickup order's write-off QR: one document per subject
 * (`_id` = `<kind>:<subject id>`), its code replaced at each QR renewal, so the collection grows with coupons and
 * orders, not with renewals, and a renewed code retires the one before. No member data: the subject's id only.
 */
export interface WriteoffCode {
  _id: string;
  code: string;
  subjectKind: QrSubject;
  subjectId: Types.ObjectId;
  expiresAt: Date;
}

const writeoffCodeSchema = new Schema<WriteoffCode>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    subjectKind: { type: String, enum: ['coupon', 'order'], required: true },
    subjectId: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'writeoff_codes', versionKey: false },
);
writeoffCodeSchema.index({ code: 1 }, { unique: true });

export const WriteoffCodeModel = model<WriteoffCode>('WriteoffCode', writeoffCodeSchema);
