import { model, Schema, type Types } from 'mongoose';

/**
 * One integration's requests on one business day (Asia/Shanghai): `_id` = `<integrationId>:<YYYY-MM-DD>`, so a
 * request costs one upsert by _id and the console reads a week by seven ids. Counted once the key is known (a bad
 * signature of a known key counts as an error: it is what a misconfigured till looks like).
 */
export interface IntegrationDailyStats {
  _id: string;
  integrationId: Types.ObjectId;
  day: string;
  requests: number;
  failures: number;
  lastErrorCode: string | null;
  lastErrorAt: Date | null;
}

const integrationDailyStatsSchema = new Schema<IntegrationDailyStats>(
  {
    _id: { type: String, required: true },
    integrationId: { type: Schema.Types.ObjectId, required: true },
    day: { type: String, required: true },
    requests: { type: Number, default: 0 },
    failures: { type: Number, default: 0 },
    lastErrorCode: { type: String, default: null },
    lastErrorAt: { type: Date, default: null },
  },
  { collection: 'integration_daily_stats', versionKey: false },
);

export const IntegrationDailyStatsModel = model<IntegrationDailyStats>('IntegrationDailyStats', integrationDailyStatsSchema);

export const integrationStatsId = (integrationId: string, day: string): string => `${integrationId}:${day}`;
