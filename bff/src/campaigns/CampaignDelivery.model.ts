import { model, Schema, type Types } from 'mongoose';
import { DELIVERY_STATES, SKIP_REASONS, type CampaignVariables, type DeliveryState, type SkipReason } from '@cakeday/shared';

/**
 * One message of one campaign to one member for one occurrence (a push: `once`; a birthday step: `2026:T-7`).
 * queued → sending → sent | failed | unknown, or queued → skipped; every move is one conditional update from the
 * state it leaves, and a worker holds a queued delivery only through its lease. WeChat's send has no idempotency
 * key, so a delivery is never sent from `sending` again: a crashed send is settled by WeChat's receipt or marked
 * unknown (settleSendingDeliveries.ts).
 */
export interface CampaignDelivery {
  _id: Types.ObjectId;
  /** `<campaignId>:<memberId>:<occurrence>`: unique. */
  key: string;
  campaignId: Types.ObjectId;
  memberId: Types.ObjectId;
  occurrence: string;
  /** Steps of the same occurrence still to come (they keep the quota first). */
  laterSteps: number;
  /** Marketing deliveries count against the caps and need the marketing consent. */
  marketing: boolean;
  state: DeliveryState;
  /** Not before this instant (the step's day, the push's time, the end of the quiet hours, a retry's backoff). */
  nextAttemptAt: Date;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  attempts: number;
  sendingAt: Date | null;
  /** When WeChat (or Tencent) gave the send no answer: why a delivery may end `unknown` without a crash. */
  unansweredAt?: Date | null;
  /** The openid the send went to (a receipt names it); set when sending starts. */
  sentTo: string | null;
  templateId: string | null;
  msgId: string | null;
  errcode: number | null;
  skipReason: SkipReason | null;
  settledAt: Date | null;
  /** When the member first opened the message's landing page (set once, from null). */
  openedAt: Date | null;
  /** The campaign variant the member was assigned (`holdout` when held out); absent on deliveries made before variants. */
  variant?: string | null;
  /** Set by the write that settles it, cleared once its outcome's event is recorded (deliveryEvents.ts); absent on older deliveries. */
  eventPending?: boolean;
  createdAt: Date;
  /** Message variables fixed when the delivery was made (the points-expiry reminder's amount and date). */
  variables?: Partial<CampaignVariables>;
  /**
   * The channel the message went by: the subscription message when the member had quota, else an SMS when the
   * campaign has one and the member consented to SMS, else only 消息中心 (null until decided; absent on deliveries
   * stored before SMS, which are subscription ones).
   */
  channel?: 'subscription' | 'sms' | 'inbox' | null;
  /** Tencent's SerialNo of the SMS (its receipts name it). */
  smsSerialNo?: string | null;
  /** Tencent's per-number refusal (LimitExceeded.PhoneNumberDailyLimit…), for a failed SMS. */
  smsCode?: string | null;
  /** The SMS's delivery receipt. */
  smsReport?: 'delivered' | 'undelivered' | null;
  smsReportedAt?: Date | null;
}

const campaignDeliverySchema = new Schema<CampaignDelivery>(
  {
    key: { type: String, required: true },
    campaignId: { type: Schema.Types.ObjectId, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    occurrence: { type: String, required: true },
    laterSteps: { type: Number, default: 0 },
    marketing: { type: Boolean, required: true },
    state: { type: String, enum: DELIVERY_STATES, required: true },
    nextAttemptAt: { type: Date, required: true },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    sendingAt: { type: Date, default: null },
    unansweredAt: { type: Date, default: null },
    sentTo: { type: String, default: null },
    templateId: { type: String, default: null },
    msgId: { type: String, default: null },
    errcode: { type: Number, default: null },
    skipReason: { type: String, enum: [...SKIP_REASONS, null], default: null },
    settledAt: { type: Date, default: null },
    openedAt: { type: Date, default: null },
    variant: { type: String, default: null },
    eventPending: { type: Boolean },
    createdAt: { type: Date, required: true },
    variables: { type: Schema.Types.Mixed },
    channel: { type: String, enum: ['subscription', 'sms', 'inbox', null], default: null },
    smsSerialNo: { type: String, default: null },
    smsCode: { type: String, default: null },
    smsReport: { type: String, enum: ['delivered', 'undelivered', null], default: null },
    smsReportedAt: { type: Date, default: null },
  },
  { collection: 'campaign_deliveries', versionKey: false },
);
campaignDeliverySchema.index({ key: 1 }, { unique: true });
campaignDeliverySchema.index({ state: 1, nextAttemptAt: 1, _id: 1 });
campaignDeliverySchema.index({ campaignId: 1, state: 1 });
campaignDeliverySchema.index({ memberId: 1 });
campaignDeliverySchema.index({ msgId: 1 });
campaignDeliverySchema.index({ smsSerialNo: 1 });
campaignDeliverySchema.index({ eventPending: 1, settledAt: 1, _id: 1 }, { sparse: true });

export const CampaignDeliveryModel = model<CampaignDelivery>('CampaignDelivery', campaignDeliverySchema);

export const deliveryKey = (campaignId: Types.ObjectId, memberId: Types.ObjectId, occurrence: string): string =>
  `${campaignId.toHexString()}:${memberId.toHexString()}:${occurrence}`;
