import type { InsightsSettings } from '../settings/settings.defaults.js';

/**
 * Points liability for finance: the points members hold, when they expire (by Shanghai month, from the lots the
 * ledger keeps) and what redeeming them would cost. The redemption rate is measured (points redeemed ÷ points issued
 * over the last year, from the daily rollups) once enough points were issued, else the assumed rate in the settings.
 */
export interface LiabilityMonthInput {
  /** `2026-12`: the Shanghai month the lots expire in. */
  month: string;
  points: number;
}

export interface LiabilityRow extends LiabilityMonthInput {
  /** What the redemption rate expects of these points (the rest is breakage). */
  expectedRedeemedPoints: number;
  /** What redeeming them costs, in fen. */
  impliedFen: number;
}

export interface RedemptionRate {
  permille: number;
  basis: 'measured' | 'assumed';
}

/** Redeemed ÷ issued in thousandths (at most 1000), when at least `minSample` points were issued. */
export function redemptionRateOf(history: { issued: number; redeemed: number }, settings: Pick<InsightsSettings, 'liability' | 'alerts'>): RedemptionRate {
  if (history.issued < settings.alerts.minSample || history.issued <= 0) return { permille: settings.liability.assumedRedemptionPermille, basis: 'assumed' };
  return { permille: Math.min(1000, Math.floor((history.redeemed * 1000) / history.issued)), basis: 'measured' };
}

/** Points → fen at the settings' cost per thousand points, rounded to the nearest fen. */
export const pointsToFen = (points: number, fenPerThousandPoints: number): number => Math.round((points * fenPerThousandPoints) / 1000);

export function liabilityRows(months: readonly LiabilityMonthInput[], rate: RedemptionRate, fenPerThousandPoints: number): LiabilityRow[] {
  return [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map(({ month, points }) => {
      const expectedRedeemedPoints = Math.round((points * rate.permille) / 1000);
      return { month, points, expectedRedeemedPoints, impliedFen: pointsToFen(expectedRedeemedPoints, fenPerThousandPoints) };
    });
}
