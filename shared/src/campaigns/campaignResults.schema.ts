import { z } from 'zod';
import { CAMPAIGN_FUNNEL_STEPS } from './campaignResults.rules.js';

const count = z.number().int();
const objectId = z.string().regex(/^[0-9a-f]{24}$/, '无效的编号');

/** A treatment's conversion against its control, with the difference's 95% confidence interval. */
export const conversionLiftSchema = z.object({
  controlRate: z.number(),
  treatmentRate: z.number(),
  difference: z.number(),
  interval: z.tuple([z.number(), z.number()]),
  relativeLift: z.number().nullable(),
  pValue: z.number().nullable(),
  significant: z.boolean(),
});

export const campaignVariantResultSchema = z.object({
  key: z.string(),
  name: z.string(),
  reached: count,
  delivered: count,
  opened: count,
  claimed: count,
  used: count,
  /** Members who made a paid purchase within the attribution window after being reached. */
  conversions: count,
  gmvFen: count,
  /** Against the first variant (the control); null for the control itself or before both have members. */
  vsControl: conversionLiftSchema.nullable(),
  /** The bandit's current share of new members, per mille (null when the split is fixed). */
  banditSharePermille: count.nullable(),
});

export const opsCampaignsResultsRequest = z.object({ id: objectId }).strict();
/** The results' groups (reached, held out, each variant) with their conversion and lift, as CSV. */
export const opsCampaignsResultsExportRequest = z.object({ id: objectId }).strict();
export const opsCampaignsResultsResponse = z.object({
  attributionDays: count,
  /** Unique members at each step (held-out members excluded), with the conversion between steps. */
  funnel: z.array(z.object({ step: z.enum(CAMPAIGN_FUNNEL_STEPS), members: count, fromPreviousPermille: count.nullable(), fromFirstPermille: count.nullable() })),
  /** Paid purchases whose last touch within the window was this campaign, and their amount. */
  attributedOrders: count,
  gmvFen: count,
  /** Members reached and held out, and how many of each made a paid purchase within the window. */
  treatment: z.object({ members: count, conversions: count }),
  holdout: z.object({ members: count, conversions: count }),
  /** What the campaign added over its holdout (null without a holdout or before both groups have members). */
  lift: conversionLiftSchema.nullable(),
  variants: z.array(campaignVariantResultSchema),
  /** Sample-ratio check of a fixed split (null for one variant or a bandit, whose split moves on purpose). */
  srm: z.object({ statistic: z.number(), pValue: z.number(), mismatch: z.boolean() }).nullable(),
});

export type OpsCampaignsResultsResponse = z.infer<typeof opsCampaignsResultsResponse>;
export type CampaignVariantResult = z.infer<typeof campaignVariantResultSchema>;
