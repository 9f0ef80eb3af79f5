import { endOfBusinessDay } from '@cakeday/shared';
import type { Coupon } from '../coupons/Coupon.model';
import { issueCoupon } from '../coupons/issueCoupon';
import type { Campaign } from './Campaign.model';

/**
 * The campaign's coupon for one delivery, issued before the delivery is written and keyed by the delivery's key, so
 * a pass repeated after a crash issues nothing twice. The holdout gets none (that is what it measures); the coupon
 * does not depend on the marketing consent, only the message does. A member-day coupon is valid that day only.
 */
export async function issueCampaignBenefit(campaign: Pick<Campaign, 'benefit' | 'trigger'>, memberId: string, deliveryKey: string, now: Date): Promise<Coupon | null> {
  if (!campaign.benefit) return null;
  return issueCoupon(
    {
      memberId,
      templateCode: campaign.benefit.couponTemplateCode,
      source: 'campaign',
      sourceKey: deliveryKey,
      ...(campaign.trigger.kind === 'memberDay' ? { validUntilAtMost: endOfBusinessDay(now) } : {}),
    },
    now,
  );
}
