/** The till and online-shop API's pure rules: amounts that add up, purchase times, and proportional clawback. */

/** A purchase time may be this far in the past (a till that was offline sends later) and not in the future. */
export const POS_PURCHASE_MAX_AGE_DAYS = 30;
/** Clock skew allowed for a purchase time ahead of the server's clock (the signing window's). */
export const POS_PURCHASE_MAX_AHEAD_SECONDS = 300;

export interface PurchaseAmounts {
  lines: readonly { qty: number; amountFen: number }[];
  totalFen: number;
  discountFen: number;
  /** What points paid (pointsValueFen of the points redeemed); 0 without. */
  pointsFen?: number;
  paidFen: number;
}

/** Lines add up to the total, and total minus discounts minus what points paid is what was paid; false when not. */
export function purchaseAmountsAddUp(amounts: PurchaseAmounts): boolean {
  const linesFen = amounts.lines.reduce((sum, line) => sum + line.amountFen, 0);
  return linesFen === amounts.totalFen && amounts.totalFen - amounts.discountFen - (amounts.pointsFen ?? 0) === amounts.paidFen && amounts.paidFen >= 0;
}

export interface PointsPaymentRule {
  pointsPerYuan: number;
  maxSharePercent: number;
}

/** What the points pay, in fen: whole fen only (a remainder of points buys nothing, so a till sends whole fen's worth). */
export function pointsValueFen(points: number, rule: Pick<PointsPaymentRule, 'pointsPerYuan'>): number {
  return Math.floor((points * 100) / rule.pointsPerYuan);
}

/** The most points may pay of a bill (after discounts), in fen; 0 when the brand does not let points pay. */
export function maxPointsPaymentFen(billFen: number, rule: PointsPaymentRule): number {
  return Math.floor((Math.max(0, billFen) * rule.maxSharePercent) / 100);
}

export type PointsPaymentBlocker = 'POS_POINTS_PAYMENT_DISABLED' | 'POS_POINTS_PAYMENT_INEXACT' | 'POS_POINTS_PAYMENT_TOO_HIGH';

/**
 * Whether these points may pay this bill: allowed by the brand, worth whole fen exactly, and within the share of the
 * bill the settings allow. null when they may (the balance is the ledger's to decide).
 */
export function pointsPaymentBlocker(points: number, billFen: number, rule: PointsPaymentRule): PointsPaymentBlocker | null {
  if (points <= 0) return null;
  if (rule.maxSharePercent <= 0) return 'POS_POINTS_PAYMENT_DISABLED';
  if ((points * 100) % rule.pointsPerYuan !== 0) return 'POS_POINTS_PAYMENT_INEXACT';
  if (pointsValueFen(points, rule) > maxPointsPaymentFen(billFen, rule)) return 'POS_POINTS_PAYMENT_TOO_HIGH';
  return null;
}

export function purchaseTimeInRange(purchasedAt: Date, now: Date): boolean {
  const ahead = purchasedAt.getTime() - now.getTime();
  const age = now.getTime() - purchasedAt.getTime();
  return ahead <= POS_PURCHASE_MAX_AHEAD_SECONDS * 1000 && age <= POS_PURCHASE_MAX_AGE_DAYS * 24 * 60 * 60 * 1000;
}

/**
 * The points a refund takes back: the earned points in proportion to the paid amount refunded so far, minus what
 * earlier refunds took, so partial refunds never take back more in total than was earned and the last one squares
 * it exactly (a whole refund takes back all of it, whatever the rounding of the partial ones).
 */
export function clawbackPoints(input: { pointsEarned: number; paidFen: number; refundedBeforeFen: number; refundFen: number }): number {
  if (input.paidFen <= 0 || input.pointsEarned <= 0) return 0;
  const share = (refundedFen: number): number => Math.floor((input.pointsEarned * Math.min(refundedFen, input.paidFen)) / input.paidFen);
  return share(input.refundedBeforeFen + input.refundFen) - share(input.refundedBeforeFen);
}
