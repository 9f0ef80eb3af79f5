import { HOLDOUT_VARIANT } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { assertActiveTemplate } from '../coupons/assertActiveTemplate';
import { issueCoupon } from '../coupons/issueCoupon';
import { AppError } from '../errors/AppError';
import type { Campaign } from './Campaign.model';
import { storedVariant } from './campaignVariant';

/** Each variant's coupon template must exist and be active when the campaign is saved (422 naming the variant). */
export async function assertVariantBenefits(variants: readonly { benefit: { couponTemplate: string } | null }[]): Promise<void> {
  for (const [index, variant] of variants.entries()) {
    if (variant.benefit) await assertActiveTemplate(variant.benefit.couponTemplate, `variants.${index}.benefit.couponTemplate`);
  }
}

/** One grant per member and campaign, and per celebration year for a birthday campaign (`2026:T-7` → `2026`). */
export const benefitSourceKey = (campaignId: Types.ObjectId, occurrence: string): string => `${campaignId.toHexString()}:${occurrence.split(':')[0]}`;

/**
 * The coupons of the variants the batch's members were assigned to (the holdout gets nothing). Issued after the
 * batch's deliveries are stored and before the cursor moves, so a crash in between repeats the batch and the
 * issue's unique key (member, source, source key, template) makes the repeat grant nothing twice. A template
 * deactivated since the campaign was saved grants nothing rather than stopping the campaign.
 */
export async function grantVariantBenefits(campaign: Campaign, assigned: readonly { memberId: Types.ObjectId; variant?: string | null; occurrence: string }[], now: Date): Promise<number> {
  let granted = 0;
  const seen = new Set<string>();
  for (const { memberId, variant, occurrence } of assigned) {
    const benefit = variant === HOLDOUT_VARIANT ? null : storedVariant(campaign, variant)?.benefit;
    const sourceKey = benefitSourceKey(campaign._id, occurrence);
    if (!benefit || seen.has(`${memberId.toHexString()}:${sourceKey}`)) continue;
    seen.add(`${memberId.toHexString()}:${sourceKey}`);
    try {
      await issueCoupon({ memberId: memberId.toHexString(), templateCode: benefit.couponTemplate, source: 'campaign', sourceKey }, now);
      granted += 1;
    } catch (error) {
      if (!(error instanceof AppError && error.status === 404)) throw error;
    }
  }
  return granted;
}
