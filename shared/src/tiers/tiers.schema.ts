import { z } from 'zod';
import { TIER_LEVELS } from './tiers.rules.js';

export const tierLevelSchema = z.enum(TIER_LEVELS);

export const tierSummarySchema = z.object({
  level: tierLevelSchema,
  name: z.string(),
  /** Paid spend over the rolling 12 months, in fen. */
  rollingSpendFen: z.number().int(),
  next: z
    .object({
      level: tierLevelSchema,
      name: z.string(),
      thresholdFen: z.number().int(),
      remainingFen: z.number().int(),
    })
    .nullable(),
  /** The next membership anniversary (YYYY-MM-DD, Asia/Shanghai), when a tier is reviewed. */
  reviewOn: z.iso.date(),
});

export type TierSummary = z.infer<typeof tierSummarySchema>;
