/** The till and online-shop API's pure rules: amounts that add up, purchase times, and proportional clawback. */

/** A purchase time may be this far in the past (a till that was offline sends later) and not in the future. */
export const POS_PURCHASE_MAX_AGE_DAYS = 30;
/** Clock skew allowed for a purchase time ahead of the server's clock (the signing window's). */
export const POS_PURCHASE_MAX_AHEAD_SECONDS = 300;

export interface PurchaseAmounts {
  lines: readonly { qty: number; amountFen: number }[];
  totalFen: number;
  discountFen: number;
  paidFen: number;
}

/** Lines add up to the total, and total minus discounts is what was paid; false when they do not. */
export function purchaseAmountsAddUp(amounts: PurchaseAmounts): boolean {
  const linesFen = amounts.lines.reduce((sum, line) => sum + line.amountFen, 0);
  return linesFen === amounts.totalFen && amounts.totalFen - amounts.discountFen === amounts.paidFen && amounts.paidFen >= 0;
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
