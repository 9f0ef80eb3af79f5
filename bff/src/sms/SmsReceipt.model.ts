import { model, Schema, type Types } from 'mongoose';

/**
 * Tencent's delivery receipt (状态回执) of one SMS, by its sid (SendSms's SerialNo): recorded once however often
 * Tencent posts it. The number is not kept: the member it was resolved to is. A delivery whose send crashed before
 * its SerialNo was written is settled by a receipt for its member, claimed once.
 */
export interface SmsReceipt {
  /** sid = SerialNo. */
  _id: string;
  memberId: Types.ObjectId | null;
  delivered: boolean;
  /** The carrier's status (DELIVRD, MK:0001…). */
  statusCode: string;
  receivedAt: Date;
  /** The delivery it settled (by SerialNo or by claim); null while none. */
  claimedBy: string | null;
}

const smsReceiptSchema = new Schema<SmsReceipt>(
  {
    _id: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, default: null },
    delivered: { type: Boolean, required: true },
    statusCode: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    claimedBy: { type: String, default: null },
  },
  { collection: 'sms_receipts', versionKey: false },
);
smsReceiptSchema.index({ memberId: 1, receivedAt: 1 });

export const SmsReceiptModel = model<SmsReceipt>('SmsReceipt', smsReceiptSchema);
