import { z } from 'zod';
import { CAMPAIGN_ALLOCATIONS } from './campaignVariants.rules.js';
import { DEFAULT_VARIANT, HOLDOUT_VARIANT } from './campaignResults.rules.js';

const variantKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,19}$/, '须为小写字母开头的字母、数字、-、_')
  .refine((key) => key !== HOLDOUT_VARIANT && key !== DEFAULT_VARIANT, '该名称为系统保留');

/**
 * What a variant grants the members assigned to it (not the holdout): a coupon of an active template, issued once
 * per member and campaign (per celebration year for a birthday campaign) when the member is assigned.
 */
export const campaignVariantBenefitSchema = z.object({ couponTemplate: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '须为券模板编码') }).strict();

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
      benefit: campaignVariantBenefitSchema.nullable().default(null),
    })
    .strict();

export const campaignAllocationSchema = z.enum(CAMPAIGN_ALLOCATIONS);

export const uniqueVariantKeys = (variants: readonly { key: string }[]): boolean => new Set(variants.map((variant) => variant.key)).size === variants.length;
