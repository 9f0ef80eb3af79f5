import { model, Schema, type Types } from 'mongoose';

/**
 * A member's reply to an SMS (上行回复), recorded once by a keyed hash of (number, time, text): Tencent may post it
 * again. Neither the number nor the text is kept, only whether it was an opt-out and whom it came from.
 */
export interface SmsReply {
  _id: string;
  memberId: Types.ObjectId | null;
  optOut: boolean;
  /** When the member sent it (Tencent's `time`). */
  at: Date;
  receivedAt: Date;
  /** Set once the opt-out's withdrawal is recorded (a crash before it is finished by Tencent's retry or the repair). */
  appliedAt: Date | null;
}

const smsReplySchema = new Schema<SmsReply>(
  {
    _id: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, default: null },
    optOut: { type: Boolean, required: true },
    at: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
    appliedAt: { type: Date, default: null },
  },
  { collection: 'sms_replies', versionKey: false },
);
smsReplySchema.index({ memberId: 1 });

export const SmsReplyModel = model<SmsReply>('SmsReply', smsReplySchema);
