import { tierNames, type OpsPurchase } from '@cakeday/shared';

export const yuan = (fen: number): string => `¥${(fen / 100).toFixed(2)}`;

export const purchaseStateNames: Record<OpsPurchase['state'], string> = { recorded: '处理中', settled: '已入账', refused: '已拒绝' };

/** 普卡 → 金卡, or the tier alone when it did not change (— while not settled). */
export function tierChangeText(purchase: Pick<OpsPurchase, 'tierBefore' | 'tierAfter'>): string {
  if (!purchase.tierAfter) return '—';
  return purchase.tierAfter === purchase.tierBefore ? tierNames[purchase.tierAfter] : `${tierNames[purchase.tierBefore]} → ${tierNames[purchase.tierAfter]}`;
}

/** +520 积分, and the points that paid part of the bill: 抵现 3000 积分（¥30.00）. */
export function pointsText(purchase: Pick<OpsPurchase, 'pointsEarned' | 'pointsRedeemed' | 'pointsRedeemedFen'>): string {
  const earned = `+${purchase.pointsEarned} 积分`;
  return purchase.pointsRedeemed > 0 ? `${earned}；抵现 ${purchase.pointsRedeemed} 积分（${yuan(purchase.pointsRedeemedFen)}）` : earned;
}
