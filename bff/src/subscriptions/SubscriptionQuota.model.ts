import { model, Schema, type Types } from 'mongoose';

/**
 * What the brand may still send one member of one template: +1 per accept WeChat pushed, 0 when the member turned it
 * off (or WeChat answered 43101), −1 per send. Every change is one conditional update of this document keyed by what
 * caused it (the push's inbox key, the delivery's key), so a re-delivered push or a retried send counts once.
 */
export interface SubscriptionQuota {
  /** `<memberId>:<templateId>`. */
  _id: string;
  memberId: Types.ObjectId;
  templateId: string;
  remaining: number;
  status: 'active' | 'rejected';
  /** Set when WeChat answered 43101 while the ledger still counted sends: the ledger had drifted from WeChat's count. */
  drift: boolean;
  /** The last causes applied (push inbox keys), so a re-applied event changes nothing. */
  appliedKeys: string[];
  /** Sends holding one of `remaining` (taken before the call): settled by the outcome, given back when nothing was sent. */
  reservations: string[];
  acceptedTotal: number;
  sentTotal: number;
  updatedAt: Date;
}

const subscriptionQuotaSchema = new Schema<SubscriptionQuota>(
  {
    _id: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    templateId: { type: String, required: true },
    remaining: { type: Number, required: true, min: 0 },
    status: { type: String, enum: ['active', 'rejected'], required: true },
    drift: { type: Boolean, default: false },
    appliedKeys: { type: [String], default: [] },
    reservations: { type: [String], default: [] },
    acceptedTotal: { type: Number, default: 0 },
    sentTotal: { type: Number, default: 0 },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'subscription_quotas', versionKey: false },
);
subscriptionQuotaSchema.index({ memberId: 1 });

export const SubscriptionQuotaModel = model<SubscriptionQuota>('SubscriptionQuota', subscriptionQuotaSchema);

export const quotaId = (memberId: Types.ObjectId, templateId: string): string => `${memberId.toHexString()}:${templateId}`;
