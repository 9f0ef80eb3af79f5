import { model, Schema, type Types } from 'mongoose';
import { CAMPAIGN_STATES, type CampaignAllocation, type CampaignBenefit, type LifecycleTrigger, type CampaignState, type SmsTemplateKey, type SubscriptionTemplateKey, type TierLevel } from '@cakeday/shared';

export interface OperatorRef {
  id: string;
  displayName: string;
}

export type StoredTrigger = { kind: 'push'; sendAt: Date } | { kind: 'birthday'; daysBefore: number[] } | LifecycleTrigger;

/**
 * Where materialisation stands: `runKey` is the pass (`once` for a push; the Shanghai day for a birthday sweep),
 * `afterId` the last member whose deliveries are written. It moves only after a batch's deliveries are inserted,
 * so a crash repeats at most one batch, whose duplicates the deliveries' unique key ignores.
 */
export interface Materialisation {
  runKey: string | null;
  afterId: Types.ObjectId | null;
  done: boolean;
}

export type StoredMessage = { template: SubscriptionTemplateKey; fields: Record<string, string>; page: string; inboxTitle: string; sms?: { template: SmsTemplateKey; params: string[] }; smsOnly?: boolean };

/** A version of the message (its own text and template, or the campaign's) and a send day offset. */
export interface StoredVariant {
  key: string;
  name: string;
  weight: number;
  message: StoredMessage | null;
  sendDelayDays: number;
  /** The coupon the variant grants its members, the campaign's benefit (absent on variants saved before benefits). */
  benefit?: CampaignBenefit | null;
}

export interface Campaign {
  _id: Types.ObjectId;
  name: string;
  trigger: StoredTrigger;
  /** `segment`: an ops segment's id (absent on campaigns saved before segments). */
  audience: { tiers: TierLevel[]; birthdayMonths: number[]; segment?: string | null };
  message: StoredMessage;
  holdoutPermille: number;
  /** Absent on campaigns saved before variants: none, a fixed split. */
  variants?: StoredVariant[];
  allocation?: CampaignAllocation;
  /**
   * Legacy: the campaign-level coupon of campaigns stored before the benefit moved onto the variants; read through
   * upgradedVariants (campaignVariant.ts) and moved onto the variants by the `2026-11-campaign-benefit-on-variant`
   * migration. Never written.
   */
  benefit?: { couponTemplateCode: string } | null;
  endsAt: Date;
  state: CampaignState;
  version: number;
  audienceSize: number | null;
  needsApproval: boolean;
  createdBy: OperatorRef;
  submittedBy: OperatorRef | null;
  approvedBy: OperatorRef | null;
  materialisation: Materialisation;
  /** A ready-made campaign ops switch on (the birthday T-7 / T-0); its key keeps it single. */
  presetKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  auditSeqs: number[];
}

const operatorRefSchema = new Schema<OperatorRef>({ id: { type: String, required: true }, displayName: { type: String, required: true } }, { _id: false });

const campaignSchema = new Schema<Campaign>(
  {
    name: { type: String, required: true },
    trigger: { type: Schema.Types.Mixed, required: true },
    audience: { tiers: { type: [String], default: [] }, birthdayMonths: { type: [Number], default: [] }, segment: { type: String, default: null } },
    message: { type: Schema.Types.Mixed, required: true },
    holdoutPermille: { type: Number, default: 0 },
    variants: { type: [Schema.Types.Mixed], default: [] },
    allocation: { type: String, enum: ['split', 'bandit'], default: 'split' },
    benefit: { type: Schema.Types.Mixed },
    endsAt: { type: Date, required: true },
    state: { type: String, enum: CAMPAIGN_STATES, required: true },
    version: { type: Number, required: true },
    audienceSize: { type: Number, default: null },
    needsApproval: { type: Boolean, default: false },
    createdBy: { type: operatorRefSchema, required: true },
    submittedBy: { type: operatorRefSchema, default: null },
    approvedBy: { type: operatorRefSchema, default: null },
    materialisation: {
      runKey: { type: String, default: null },
      afterId: { type: Schema.Types.ObjectId, default: null },
      done: { type: Boolean, default: false },
    },
    presetKey: { type: String },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'campaigns', versionKey: false },
);
campaignSchema.index({ state: 1, createdAt: -1 });
campaignSchema.index({ presetKey: 1 }, { unique: true, sparse: true });
campaignSchema.index({ 'audience.segment': 1, state: 1 });
// The lifecycle consumer looks up the running campaigns of a trigger kind.
campaignSchema.index({ state: 1, 'trigger.kind': 1 });

export const CampaignModel = model<Campaign>('Campaign', campaignSchema);
