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
});
export const opsInsightsKpisExportRequest = dayRange;

export type OpsInsightsKpisResponse = z.infer<typeof opsInsightsKpisResponse>;
