import { analyticsDay } from '@cakeday/shared';
import { DailyRollupModel } from '../analytics/DailyRollup.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { LiabilitySnapshotModel, type LiabilitySnapshot } from './LiabilitySnapshot.model';

const DAY_MS = 86_400_000;
// Asia/Shanghai keeps UTC+8 all year (no daylight saving). A lot expiring at 2028-01-01 00:00 is usable through
// December: its month is that of its last usable millisecond, moved by 8 hours.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

async function lotsByMonth(): Promise<{ months: { month: string; points: number }[]; members: number }> {
  const [months, holders] = await Promise.all([
    PointsAccountModel.aggregate<{ _id: string; points: number }>([
      { $match: { balance: { $gt: 0 } } },
      { $unwind: '$lots' },
      { $match: { 'lots.remaining': { $gt: 0 } } },
      { $group: { _id: { $dateToString: { format: '%Y-%m', date: { $add: ['$lots.expiresAt', SHANGHAI_OFFSET_MS - 1] } } }, points: { $sum: '$lots.remaining' } } },
    ]),
    PointsAccountModel.countDocuments({ balance: { $gt: 0 } }),
  ]);
  return { months: months.map((row) => ({ month: row._id, points: row.points })).sort((a, b) => a.month.localeCompare(b.month)), members: holders };
}

async function lastYearsPoints(day: string): Promise<{ issued: number; redeemed: number }> {
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - 364 * DAY_MS).toISOString().slice(0, 10);
  const [totals] = await DailyRollupModel.aggregate<{ issued: number; redeemed: number }>([
    { $match: { _id: { $gte: from, $lte: day } } },
    { $group: { _id: null, issued: { $sum: '$pointsIssued' }, redeemed: { $sum: '$pointsRedeemed' } } },
  ]);
  return { issued: totals?.issued ?? 0, redeemed: totals?.redeemed ?? 0 };
}

/**
 * Today's liability snapshot, computed from the points accounts once a business day (the job, or the first read of
 * the day); later calls the same day read it. Recomputing (`refresh`) overwrites the day's snapshot: it is a
 * measurement, not a counter, so a repeated run changes nothing but the figures' freshness.
 */
export async function snapshotLiability(now: Date, options: { refresh?: boolean } = {}): Promise<LiabilitySnapshot> {
  const day = analyticsDay(now);
  if (!options.refresh) {
    const stored = await LiabilitySnapshotModel.findById(day).lean();
    if (stored) return stored;
  }
  const [{ months, members }, history] = await Promise.all([lotsByMonth(), lastYearsPoints(day)]);
  const snapshot: LiabilitySnapshot = { _id: day, computedAt: now, outstandingPoints: months.reduce((sum, row) => sum + row.points, 0), members, months, ...history };
  await LiabilitySnapshotModel.replaceOne({ _id: day }, snapshot, { upsert: true });
  return snapshot;
}
