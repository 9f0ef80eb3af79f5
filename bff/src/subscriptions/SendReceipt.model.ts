import { model, Schema } from 'mongoose';

/**
 * WeChat's receipt of one send (subscribe_msg_sent_event), by MsgID. A delivery whose send crashed before its
 * msgid was written is settled by a receipt for its (openid, template) at or after its send began, claimed once.
 */
export interface SendReceipt {
  /** MsgID. */
  _id: string;
  openid: string;
  templateId: string;
  errorCode: number;
  /** CreateTime of the push. */
  at: Date;
  /** The delivery it settled (by msgid or by claim); null while none. */
  claimedBy: string | null;
  receivedAt: Date;
}

const sendReceiptSchema = new Schema<SendReceipt>(
  {
    _id: { type: String, required: true },
    openid: { type: String, required: true },
    templateId: { type: String, required: true },
    errorCode: { type: Number, required: true },
    at: { type: Date, required: true },
    claimedBy: { type: String, default: null },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'subscription_send_receipts', versionKey: false },
);
sendReceiptSchema.index({ openid: 1, templateId: 1, at: 1 });

export const SendReceiptModel = model<SendReceipt>('SendReceipt', sendReceiptSchema);
