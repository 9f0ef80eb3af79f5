import { model, Schema } from 'mongoose';

/**
 * One business day's counts for the insights dashboards (satisfaction, messages, community, help and referral, and
 * the plan KPIs' GMV, repurchase, retention, claims and campaign costs: shared/src/insights/insightsRollups.rules.ts),
 * added to by the insights event consumer: `counts` is a two-level map (`messagesSkipped.cap`, `complaints.奶油`)
 * whose keys come from our own vocabularies (channels, reasons, the sentiment lexicon), never from member text.
 */
export interface InsightsDay {
  /** `2026-11-29`. */
  _id: string;
  counts: Record<string, Record<string, number>>;
  /** Ids of the last events applied here: a re-delivered event (after a crash) adds nothing twice. */
  applied: string[];
}

const insightsDaySchema = new Schema<InsightsDay>(
  {
    _id: { type: String, required: true },
    counts: { type: Schema.Types.Mixed, default: {} },
    applied: { type: [String], default: [] },
  },
  { collection: 'insights_daily', versionKey: false, minimize: false },
);

export const InsightsDayModel = model<InsightsDay>('InsightsDay', insightsDaySchema);
