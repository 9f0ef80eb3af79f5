import { model, Schema, type Types } from 'mongoose';

/** The log of write-offs; unique per subject, so a subject is recorded once whatever retries happen. */
export interface WriteoffRecord {
  _id: Types.ObjectId;
  subjectKind: 'coupon' | 'order';
  subjectId: Types.ObjectId;
  title: string;
  detail: string;
  memberName: string;
  memberId: Types.ObjectId;
  storeId: Types.ObjectId;
  storeCode: string;
  storeName: string;
  staffMemberId: Types.ObjectId;
  staffName: string;
  at: Date;
}

const writeoffRecordSchema = new Schema<WriteoffRecord>(
  {
    subjectKind: { type: String, enum: ['coupon', 'order'], required: true },
    subjectId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    detail: { type: String, default: '' },
    memberName: { type: String, default: '会员' },
    memberId: { type: Schema.Types.ObjectId, required: true },
    storeId: { type: Schema.Types.ObjectId, required: true },
    storeCode: { type: String, required: true },
    storeName: { type: String, required: true },
    staffMemberId: { type: Schema.Types.ObjectId, required: true },
    staffName: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'writeoff_records', versionKey: false },
);
writeoffRecordSchema.index({ subjectKind: 1, subjectId: 1 }, { unique: true });
writeoffRecordSchema.index({ storeId: 1, _id: -1 });

export const WriteoffRecordModel = model<WriteoffRecord>('WriteoffRecord', writeoffRecordSchema);
