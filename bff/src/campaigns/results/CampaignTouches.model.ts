import type { CampaignResultStep } from '@cakeday/shared';
import { model, Schema, type Types } from 'mongoose';

/**
 * The campaigns one member was assigned to lately, with the steps they were counted at (each once), kept by the
 * campaign results consumer: a purchase or a claim is credited to the campaigns whose window it falls in.
 */
export interface CampaignTouches {
  /** The member's id. */
  _id: Types.ObjectId;
  campaigns: { campaignId: string; variant: string; assignedAt: Date; deliveredAt: Date | null; steps: CampaignResultStep[] }[];
  /** Ids of the last events applied here. */
  applied: string[];
}

const campaignTouchesSchema = new Schema<CampaignTouches>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    campaigns: { type: [{ _id: false, campaignId: String, variant: String, assignedAt: Date, deliveredAt: Date, steps: [String] }], default: [] },
    applied: { type: [String], default: [] },
  },
  { collection: 'campaign_touches', versionKey: false, minimize: false },
);

export const CampaignTouchesModel = model<CampaignTouches>('CampaignTouches', campaignTouchesSchema);
