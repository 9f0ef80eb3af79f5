import { DEFAULT_VARIANT } from './campaignResults.rules.js';

/**
 * A campaign's benefit lives on its variants: each variant may give its members a coupon of a template. A campaign
 * without an experiment that gives a coupon has one variant, the default one (`main`, the campaign's own message);
 * a campaign without variants gives nothing. The holdout never gets a benefit.
 */
export interface CampaignBenefit {
  couponTemplate: string;
}

export interface VariantWithBenefit {
  key: string;
  name: string;
  weight: number;
  message: unknown;
  sendDelayDays: number;
  benefit: CampaignBenefit | null;
}

/** The default variant: the campaign's own message to everyone but the holdout. */
export interface DefaultVariant extends VariantWithBenefit {
  message: null;
}

/** The default variant a coupon without an experiment is given by: everyone (but the holdout), the campaign's message. */
export const defaultVariantWith = (benefit: CampaignBenefit): DefaultVariant => ({ key: DEFAULT_VARIANT, name: '默认版本', weight: 1, message: null, sendDelayDays: 0, benefit });

/** Whether the variants are the plain default one at most (no experiment): its benefit can be edited on its own. */
export const isDefaultOnly = (variants: readonly Pick<VariantWithBenefit, 'key' | 'message' | 'sendDelayDays'>[]): boolean =>
  variants.length === 0 || (variants.length === 1 && variants[0]?.key === DEFAULT_VARIANT && variants[0].message === null && variants[0].sendDelayDays === 0);

/** The coupon of a campaign without an experiment (null: a message only). */
export const defaultBenefitOf = (variants: readonly Pick<VariantWithBenefit, 'key' | 'benefit'>[]): CampaignBenefit | null =>
  variants.find((variant) => variant.key === DEFAULT_VARIANT)?.benefit ?? null;

/** A campaign without an experiment given `benefit` (or none): the default variant carries it. */
export const withDefaultBenefit = (benefit: CampaignBenefit | null): DefaultVariant[] => (benefit ? [defaultVariantWith(benefit)] : []);

/**
 * What one grant of a benefit is for: the occurrence of the delivery, except that the steps of one birthday
 * celebration (`2026:T-7`, `2026:T-0`) share one grant, the celebration year's.
 */
export const benefitOccurrence = (triggerKind: string, occurrence: string): string => (triggerKind === 'birthday' ? (occurrence.split(':')[0] ?? occurrence) : occurrence);

/** The coupon's source key (with the member, the source and the template, the unique key): one per campaign, member and occurrence. */
export const benefitSourceKey = (campaignId: string, triggerKind: string, occurrence: string): string => `${campaignId}:${benefitOccurrence(triggerKind, occurrence)}`;

/**
 * A campaign document stored before the benefit moved onto the variants (`benefit.couponTemplateCode` on the
 * campaign, given to everyone but the holdout): its variants with that coupon, on each variant that has none,
 * or as the default variant when it had none. Null when the document is already in the current shape.
 */
export function upgradedVariants<V extends { benefit?: CampaignBenefit | null }>(legacy: { couponTemplateCode?: unknown } | null | undefined, variants: readonly V[]): (V | DefaultVariant)[] | null {
  const code = legacy && typeof legacy.couponTemplateCode === 'string' ? legacy.couponTemplateCode : null;
  if (!code) return null;
  if (variants.length === 0) return [defaultVariantWith({ couponTemplate: code })];
  return variants.map((variant) => (variant.benefit ? variant : { ...variant, benefit: { couponTemplate: code } }));
}
