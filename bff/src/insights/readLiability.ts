import { liabilityRows, pointsToFen, redemptionRateOf, toBusinessIso, type OpsInsightsLiabilityResponse, type ProgramSettings } from '@cakeday/shared';
import { LiabilitySnapshotModel } from './LiabilitySnapshot.model';
import { snapshotLiability } from './snapshotLiability';

const HISTORY_DAYS = 90;

/** The liability view: today's snapshot valued by the settings in force, and the earlier snapshots' totals. */
export async function readLiability(now: Date, settings: ProgramSettings): Promise<OpsInsightsLiabilityResponse> {
  const snapshot = await snapshotLiability(now);
  const { liability } = settings.insights;
  const rate = redemptionRateOf({ issued: snapshot.issued, redeemed: snapshot.redeemed }, settings.insights);
  const valueOf = (points: number) => pointsToFen(Math.round((points * rate.permille) / 1000), liability.fenPerThousandPoints);
  const earlier = await LiabilitySnapshotModel.find({ _id: { $lt: snapshot._id } }, { outstandingPoints: 1 }).sort({ _id: -1 }).limit(HISTORY_DAYS).lean();
  return {
    day: snapshot._id,
    computedAt: toBusinessIso(snapshot.computedAt),
    outstandingPoints: snapshot.outstandingPoints,
    members: snapshot.members,
    redemption: { ...rate, issued: snapshot.issued, redeemed: snapshot.redeemed },
    fenPerThousandPoints: liability.fenPerThousandPoints,
    impliedFen: valueOf(snapshot.outstandingPoints),
    months: liabilityRows(snapshot.months, rate, liability.fenPerThousandPoints),
    history: [...earlier.reverse(), snapshot].map((day) => ({ day: day._id, outstandingPoints: day.outstandingPoints, impliedFen: valueOf(day.outstandingPoints) })),
  };
}
