import { model, Schema } from 'mongoose';

/**
 * One business day's GMV attributed to each campaign (last touch, as the campaign results count it), added to by the
 * campaign results consumer: the KPI panel's campaign ROI over any range reads these few documents.
 */
export interface CampaignGmvDay {
  /** `2026-11-29`. */
  _id: string;
  /** Campaign id → attributed fen (paid orders on that day). */
  gmvFen: Record<string, number>;
  /** Ids of the last events applied here: a re-delivered event adds nothing twice. */
  applied: string[];
}

const campaignGmvDaySchema = new Schema<CampaignGmvDay>(
  {
    _id: { type: String, required: true },
    gmvFen: { type: Schema.Types.Mixed, default: {} },
    applied: { type: [String], default: [] },
  },
  { collection: 'campaign_gmv_daily', versionKey: false, minimize: false },
);

export const CampaignGmvDayModel = model<CampaignGmvDay>('CampaignGmvDay', campaignGmvDaySchema);
