import { benefitSourceKey, DEFAULT_VARIANT, endOfBusinessDay, HOLDOUT_VARIANT, type CampaignBenefit } from '@cakeday/shared';
import { assertActiveTemplate } from '../coupons/assertActiveTemplate';
import { CouponModel, type Coupon } from '../coupons/Coupon.model';
import { issueCoupon } from '../coupons/issueCoupon';
import { AppError } from '../errors/AppError';
import type { Campaign } from './Campaign.model';
import type { CampaignDelivery } from './CampaignDelivery.model';
import { storedVariant } from './campaignVariant';

/** Each variant's coupon template must exist and be active when the campaign is saved (422 naming the variant). */
export async function assertVariantBenefits(variants: readonly { benefit: CampaignBenefit | null }[]): Promise<void> {
  for (const [index, variant] of variants.entries()) {
    if (variant.benefit) await assertActiveTemplate(variant.benefit.couponTemplate, `variants.${index}.benefit.couponTemplate`);
  }
}

export type BenefitDelivery = Pick<CampaignDelivery, 'key' | 'campaignId' | 'memberId' | 'occurrence' | 'variant' | 'createdAt'>;

/** The benefit of the delivery's variant (the default variant for deliveries made before variants); the holdout has none. */
export const benefitOf = (campaign: Pick<Campaign, 'variants' | 'benefit'>, delivery: Pick<CampaignDelivery, 'variant'>): CampaignBenefit | null =>
  delivery.variant === HOLDOUT_VARIANT ? null : (storedVariant(campaign, delivery.variant ?? DEFAULT_VARIANT)?.benefit ?? null);

/**
 * A coupon granted for this delivery before the benefit moved onto the variants (made when the delivery was: by the
 * campaign-level coupon, keyed by the delivery, or the variant's, keyed by the campaign and the occurrence's first
 * part): a delivery materialised before the upgrade and sent after it gets nothing twice.
 */
const legacyGrantOf = (delivery: BenefitDelivery): Promise<Coupon | null> =>
  CouponModel.findOne({
    memberId: delivery.memberId,
    source: 'campaign',
    sourceKey: { $in: [delivery.key, `${delivery.campaignId.toHexString()}:${delivery.occurrence.split(':')[0] ?? ''}`] },
    createdAt: { $gte: delivery.createdAt },
  }).lean();

/**
 * The campaign's benefit for one delivery its message is about to reach the member by (the subscription message,
 * the SMS or 消息中心 alone): the coupon of the delivery's variant, issued once per campaign, member and occurrence
 * (the coupon's unique issue key; a birthday's steps share the year's), so a dispatch repeated after a crash or a
 * release grants nothing twice. The dispatcher calls it only for deliveries it sends: the holdout (skipped when
 * made) and members skipped for consent, gone or past the campaign's end get none. A template deactivated since the
 * campaign was saved grants nothing rather than stopping the message. A member-day coupon is valid that day only.
 */
export async function grantDeliveryBenefit(campaign: Campaign, delivery: BenefitDelivery, now: Date): Promise<Coupon | null> {
  const benefit = benefitOf(campaign, delivery);
  if (!benefit) return null;
  const legacy = await legacyGrantOf(delivery);
  if (legacy) return legacy;
  try {
    return await issueCoupon(
      {
        memberId: delivery.memberId.toHexString(),
        templateCode: benefit.couponTemplate,
        source: 'campaign',
        sourceKey: benefitSourceKey(campaign._id.toHexString(), campaign.trigger.kind, delivery.occurrence),
        ...(campaign.trigger.kind === 'memberDay' ? { validUntilAtMost: endOfBusinessDay(delivery.createdAt) } : {}),
      },
      now,
    );
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  }
}
