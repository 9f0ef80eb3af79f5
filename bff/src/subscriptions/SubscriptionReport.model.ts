import { model, Schema, type Types } from 'mongoose';

/**
 * What the mini-program said a popup answered (wx.requestSubscribeMessage's callback): kept to reconcile with
 * WeChat's pushes, never credited. It can be forged, or lost when the member closes the page.
 */
export interface SubscriptionReport {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  templateId: string;
  result: 'accept' | 'reject' | 'ban' | 'filter';
  moment: string;
  at: Date;
}

const subscriptionReportSchema = new Schema<SubscriptionReport>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    templateId: { type: String, required: true },
    result: { type: String, enum: ['accept', 'reject', 'ban', 'filter'], required: true },
    moment: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'subscription_reports', versionKey: false },
);
subscriptionReportSchema.index({ memberId: 1, at: -1 });

export const SubscriptionReportModel = model<SubscriptionReport>('SubscriptionReport', subscriptionReportSchema);
