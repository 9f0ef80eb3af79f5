import type { InsightsSettings } from '@cakeday/shared';

/** One campaign's attributed GMV and what it cost (fen), over a day or a range. */
export interface CampaignCost {
  gmvFen: number;
  messages: number;
  messageCostFen: number;
  couponsUsed: number;
  benefitCostFen: number;
  costFen: number;
}

export const emptyCampaignCost = (): CampaignCost => ({ gmvFen: 0, messages: 0, messageCostFen: 0, couponsUsed: 0, benefitCostFen: 0, costFen: 0 });

/**
 * A day's campaigns priced: SMS and subscription messages sent at the settings' unit costs, coupons used at their
 * face amount (counted when used) plus couponWithoutFaceFen for each without one; GMV from the attributed day.
 */
export function campaignCostsOf(counts: Record<string, Record<string, number>> | undefined, gmvFen: Record<string, number> | undefined, costs: InsightsSettings['costs']): Map<string, CampaignCost> {
  const byCampaign = new Map<string, CampaignCost>();
  const of = (campaignId: string): CampaignCost => {
    const known = byCampaign.get(campaignId);
    if (known) return known;
    const fresh = emptyCampaignCost();
    byCampaign.set(campaignId, fresh);
    return fresh;
  };
  const each = (group: Record<string, number> | undefined, add: (cost: CampaignCost, value: number) => void): void => {
    for (const [campaignId, value] of Object.entries(group ?? {})) add(of(campaignId), value);
  };
  each(counts?.campaignSms, (cost, sent) => {
    cost.messages += sent;
    cost.messageCostFen += sent * costs.smsFen;
  });
  each(counts?.campaignMessages, (cost, sent) => {
    cost.messages += sent;
    cost.messageCostFen += sent * costs.subscriptionMessageFen;
  });
  each(counts?.campaignCoupons, (cost, used) => (cost.couponsUsed += used));
  each(counts?.campaignCouponFen, (cost, fen) => (cost.benefitCostFen += fen));
  each(counts?.campaignCouponsNoFace, (cost, used) => (cost.benefitCostFen += used * costs.couponWithoutFaceFen));
  each(gmvFen, (cost, fen) => (cost.gmvFen += fen));
  for (const cost of byCampaign.values()) cost.costFen = cost.messageCostFen + cost.benefitCostFen;
  return byCampaign;
}
