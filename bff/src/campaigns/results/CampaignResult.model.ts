import { CAMPAIGN_RESULT_STEPS, type CampaignResultStep } from '@cakeday/shared';
import { model, Schema, type Types } from 'mongoose';

/**
 * One variant's results of one campaign (the holdout is a variant too), added to by the campaign results consumer
 * as events arrive: the results page reads these few documents, never the events.
 */
export interface CampaignResult extends Record<CampaignResultStep, number> {
  /** `<campaignId>:<variant>`. */
  _id: string;
  campaignId: Types.ObjectId;
  variant: string;
  /** Paid purchases the campaign was the last touch of (within the attribution window), and their amount. */
  attributedOrders: number;
  gmvFen: number;
  /** Ids of the last events applied here: a re-delivered event (after a crash) adds nothing twice. */
  applied: string[];
}

const steps = Object.fromEntries(CAMPAIGN_RESULT_STEPS.map((step) => [step, { type: Number, default: 0 }]));

const campaignResultSchema = new Schema<CampaignResult>(
  {
    _id: { type: String, required: true },
    campaignId: { type: Schema.Types.ObjectId, required: true },
    variant: { type: String, required: true },
    ...steps,
    attributedOrders: { type: Number, default: 0 },
    gmvFen: { type: Number, default: 0 },
    applied: { type: [String], default: [] },
  },
  { collection: 'campaign_results', versionKey: false, minimize: false },
);
campaignResultSchema.index({ campaignId: 1 });

export const CampaignResultModel = model<CampaignResult>('CampaignResult', campaignResultSchema);
