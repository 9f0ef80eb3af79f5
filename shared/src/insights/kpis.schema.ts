import { z } from 'zod';
import { KPI_NAMES } from './kpis.rules.js';

const businessDay = z.iso.date();
const dayRange = z
  .object({ from: businessDay, to: businessDay })
  .strict()
  .refine((range) => range.from <= range.to && (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < 366, { message: '日期范围须在 366 天内', path: ['to'] });

export const opsInsightsKpisRequest = dayRange;
const kpiName = z.enum(KPI_NAMES);
export const opsInsightsKpisResponse = z.object({
  /** Every KPI the plans name, measured over the range from the daily rollups, with its target (a floor) from the settings. */
  kpis: z.array(
    z.object({
      kpi: kpiName,
      /** Whether the rollups measure this KPI yet (false: only its target is shown). */
      measured: z.boolean(),
      value: z.number().nullable(),
      target: z.number(),
      met: z.boolean().nullable(),
      /** How many members or answers stand behind the value. */
      sample: z.number().int(),
      /** Each day of the range, oldest first: that day's value (null when nothing was measured that day). */
      days: z.array(z.object({ day: businessDay, value: z.number().nullable() })),
    }),
  ),
  /** The settings the values were computed with, for the definitions the console shows (retention window, unit costs in fen). */
  basis: z.object({ retentionWindowDays: z.number().int(), smsFen: z.number().int(), subscriptionMessageFen: z.number().int(), couponWithoutFaceFen: z.number().int() }),
  /**
   * Each campaign with attributed GMV or a cost in the range, most GMV first: its ROI and what it is made of. Costs
   * are priced with the settings in force (insights.costs): SMS and subscription messages sent at their unit cost,
   * coupons used at their face amount (or couponWithoutFaceFen when they have none).
   */
  campaigns: z.array(
    z.object({
      campaignId: z.string(),
      name: z.string(),
      gmvFen: z.number().int(),
      messages: z.number().int(),
      messageCostFen: z.number().int(),
      couponsUsed: z.number().int(),
      benefitCostFen: z.number().int(),
      costFen: z.number().int(),
      roiPermille: z.number().int().nullable(),
    }),
  ),
});
export const opsInsightsKpisExportRequest = dayRange;

export type OpsInsightsKpisResponse = z.infer<typeof opsInsightsKpisResponse>;
