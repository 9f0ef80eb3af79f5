import { z } from 'zod';
import { CAMPAIGN_ALLOCATIONS } from './campaignVariants.rules.js';
import { HOLDOUT_VARIANT } from './campaignResults.rules.js';

/** `main` is the default variant (campaignBenefit.rules): a campaign's coupon without an experiment. */
const variantKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,19}$/, '须为小写字母开头的字母、数字、-、_')
  .refine((key) => key !== HOLDOUT_VARIANT, '该名称为系统保留');

/**
 * The campaign's benefit, on the variant that gives it: a coupon of an active template for each member the
 * variant's message reaches by any channel (消息中心 only included), never the holdout nor a member skipped for
 * consent; granted when the message is sent, once per campaign, member and occurrence (the birthday's steps share
 * the year's).
 */
export const campaignBenefitSchema = z.object({ couponTemplate: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '须为券模板编码') }).strict();

/**
 * A version of a campaign's message: its own text and template (the campaign's when absent), send day (days after
 * the campaign's send time or birthday step) and benefit. Members are split among the variants by weight or by a
 * bandit.
 */
export const campaignVariantFields = <M extends z.ZodType>(message: M) =>
  z
    .object({
      key: variantKey,
      name: z.string().trim().min(1).max(20),
      weight: z.number().int().min(1).max(100).default(1),
      message: message.nullable().default(null),
      sendDelayDays: z.number().int().min(0).max(14).default(0),
      benefit: campaignBenefitSchema.nullable().default(null),
    })
    .strict();

export const campaignAllocationSchema = z.enum(CAMPAIGN_ALLOCATIONS);

export const uniqueVariantKeys = (variants: readonly { key: string }[]): boolean => new Set(variants.map((variant) => variant.key)).size === variants.length;
