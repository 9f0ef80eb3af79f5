import { banditArmsOf, campaignVariantFor, HOLDOUT_VARIANT, upgradedVariants, type BanditArm, type CampaignBenefit, type CampaignDesign } from '@cakeday/shared';
import type { Campaign, StoredVariant } from './Campaign.model';
import { CampaignResultModel } from './results/CampaignResult.model';

export const designOf = (campaign: Pick<Campaign, '_id' | 'holdoutPermille' | 'variants' | 'benefit' | 'allocation'>): CampaignDesign => ({
  id: campaign._id.toHexString(),
  holdoutPermille: campaign.holdoutPermille,
  variants: currentVariants(campaign).map(({ key, weight }) => ({ key, weight })),
  allocation: campaign.allocation ?? 'split',
});

/** The bandit's evidence now: each variant's members reached and converted (none for a fixed split). */
export async function banditArms(campaign: Pick<Campaign, '_id' | 'allocation'>): Promise<BanditArm[]> {
  if (campaign.allocation !== 'bandit') return [];
  return banditArmsOf(await CampaignResultModel.find({ campaignId: campaign._id }, { variant: 1, reached: 1, converted: 1 }).lean());
}

/** The variant a member gets (`holdout`, `main` without variants), by the campaign's allocation. */
export const variantFor = (campaign: Pick<Campaign, '_id' | 'holdoutPermille' | 'variants' | 'benefit' | 'allocation'>, memberId: string, arms: readonly BanditArm[]): string =>
  campaignVariantFor(designOf(campaign), memberId, arms);

/**
 * The campaign's variants in the current shape: a document stored with the campaign-level coupon (before the
 * benefit moved onto the variants) reads as its migration writes it, so nothing depends on the migration's timing.
 */
export const currentVariants = (campaign: Pick<Campaign, 'variants' | 'benefit'>): StoredVariant[] => upgradedVariants(campaign.benefit, campaign.variants ?? []) ?? campaign.variants ?? [];

export const storedVariant = (campaign: Pick<Campaign, 'variants' | 'benefit'>, key: string | null | undefined): StoredVariant | null =>
  key && key !== HOLDOUT_VARIANT ? (currentVariants(campaign).find((variant) => variant.key === key) ?? null) : null;

/** The variants as the schema has them (variants saved before benefits have none). */
export const variantsOf = (campaign: Pick<Campaign, 'variants' | 'benefit'>): (Omit<StoredVariant, 'benefit'> & { benefit: CampaignBenefit | null })[] =>
  currentVariants(campaign).map((variant) => ({ ...variant, benefit: variant.benefit ?? null }));

/** The campaign as a delivery of this variant sends it: the variant's message when it has one. */
export function campaignForVariant(campaign: Campaign, key: string | null | undefined): Campaign {
  const variant = storedVariant(campaign, key);
  return variant?.message ? { ...campaign, message: variant.message } : campaign;
}
