import { model, Schema, type Types } from 'mongoose';

export interface StoredHelper {
  memberId: Types.ObjectId;
  nickname: string | null;
  avatarUrl: string | null;
  at: Date;
}

/**
 * One member's help campaign for one birthday. active → unlocking (the goal-th helper won the conditional
 * update) → unlocked (coupon issued); active → expired (job). `helpersCount` never exceeds `goal`.
 * `countedAssists` names every assist counted, so the count moves once per assist however often it is retried.
 */
export interface HelpCampaign {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  celebrationYear: number;
  birthday: { month: number; day: number };
  goal: number;
  gift: { title: string; description: string; templateCode: string };
  helpersCount: number;
  helpers: StoredHelper[];
  countedAssists: Types.ObjectId[];
  state: 'active' | 'unlocking' | 'unlocked' | 'expired';
  startedAt: Date;
  expiresAt: Date;
  unlockedAt: Date | null;
  couponId: Types.ObjectId | null;
}

const helperSchema = new Schema<StoredHelper>(
  { memberId: { type: Schema.Types.ObjectId, required: true }, nickname: String, avatarUrl: String, at: Date },
  { _id: false },
);

const helpCampaignSchema = new Schema<HelpCampaign>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    celebrationYear: { type: Number, required: true },
    birthday: { month: Number, day: Number },
    goal: { type: Number, required: true },
    gift: { title: String, description: String, templateCode: String },
    helpersCount: { type: Number, required: true, default: 0 },
    helpers: { type: [helperSchema], default: [] },
    countedAssists: { type: [Schema.Types.ObjectId], default: [] },
    state: { type: String, enum: ['active', 'unlocking', 'unlocked', 'expired'], required: true },
    startedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    unlockedAt: { type: Date, default: null },
    couponId: { type: Schema.Types.ObjectId, default: null },
  },
  { collection: 'help_campaigns', versionKey: false },
);
helpCampaignSchema.index({ memberId: 1, celebrationYear: 1 }, { unique: true, name: 'help_campaign_once' });
helpCampaignSchema.index({ state: 1, expiresAt: 1 });

export const HelpCampaignModel = model<HelpCampaign>('HelpCampaign', helpCampaignSchema);
