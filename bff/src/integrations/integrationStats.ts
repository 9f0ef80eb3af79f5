import { businessDayKey, toBusinessIso, type OpsIntegration } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { IntegrationDailyStatsModel, integrationStatsId } from './IntegrationDailyStats.model';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The console's window: today and the six business days before it. */
export const USAGE_WINDOW_DAYS = 7;

/** Counts one answered request of the integration on its business day; an error also counts with its code. */
export async function countIntegrationRequest(integrationId: string, outcome: { errorCode: string | null }, now: Date): Promise<void> {
  const day = businessDayKey(now);
  const update = {
    $inc: { requests: 1, failures: outcome.errorCode ? 1 : 0 },
    $setOnInsert: { integrationId: new Types.ObjectId(integrationId), day },
    ...(outcome.errorCode ? { $set: { lastErrorCode: outcome.errorCode, lastErrorAt: now } } : {}),
  };
  const write = () => IntegrationDailyStatsModel.updateOne({ _id: integrationStatsId(integrationId, day) }, update, { upsert: true });
  // Racing upserts of a new day may collide on MongoDB: the second finds the document the first made.
  await write().catch((error: unknown) => {
    if (!isDuplicateKeyError(error)) throw error;
    return write();
  });
}

/** Requests and errors of the last USAGE_WINDOW_DAYS business days per integration, by _id (seven ids each). */
export async function usageOf(integrationIds: string[], now: Date): Promise<Map<string, OpsIntegration['usage']>> {
  const days = Array.from({ length: USAGE_WINDOW_DAYS }, (_unused, back) => businessDayKey(new Date(now.getTime() - back * DAY_MS)));
  const ids = integrationIds.flatMap((integrationId) => days.map((day) => integrationStatsId(integrationId, day)));
  const rows = ids.length > 0 ? await IntegrationDailyStatsModel.find({ _id: { $in: ids } }).lean() : [];
  const usage = new Map<string, OpsIntegration['usage']>();
  for (const integrationId of integrationIds) {
    const own = rows.filter((row) => row.integrationId.toHexString() === integrationId);
    const requests = own.reduce((sum, row) => sum + row.requests, 0);
    const errors = own.reduce((sum, row) => sum + row.failures, 0);
    const lastError = own.filter((row) => row.lastErrorAt).sort((a, b) => (b.lastErrorAt?.getTime() ?? 0) - (a.lastErrorAt?.getTime() ?? 0))[0];
    usage.set(integrationId, {
      requests,
      errors,
      errorRatePercent: requests > 0 ? Math.round((errors / requests) * 1000) / 10 : null,
      lastErrorCode: lastError?.lastErrorCode ?? null,
      lastErrorAt: lastError?.lastErrorAt ? toBusinessIso(lastError.lastErrorAt) : null,
    });
  }
  return usage;
}
