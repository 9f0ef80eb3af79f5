import { z } from 'zod';
import { DAILY_COUNTERS, type DailyCounter } from './rollups.rules.js';
import { FUNNELS } from './funnels.rules.js';
import { LIFECYCLE_STAGES } from './segments.rules.js';

/** A business day (Asia/Shanghai), `2026-06-01`. */
const businessDaySchema = z.iso.date();
/** The longest range a dashboard asks for at once. */
export const ANALYTICS_MAX_DAYS = 366;

const DAY_MS = 86_400_000;
const dayRangeFields = { from: businessDaySchema, to: businessDaySchema };
// Each request that carries a day range is one closed object checked by this (not an intersection: OpenAPI's allOf of
// two closed objects admits no body at all).
function checkDayRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (range.from > range.to) ctx.addIssue({ code: 'custom', message: '开始日期须不晚于结束日期', path: ['to'] });
  else if ((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS >= ANALYTICS_MAX_DAYS) ctx.addIssue({ code: 'custom', message: `最多查询 ${ANALYTICS_MAX_DAYS} 天`, path: ['from'] });
}
const dayRange = z.object(dayRangeFields).strict().superRefine(checkDayRange);

const count = z.number().int();
const counters = z.object(Object.fromEntries(DAILY_COUNTERS.map((name) => [name, count])) as Record<DailyCounter, typeof count>);

export const opsAnalyticsDailyRequest = dayRange;
export const opsAnalyticsDailyResponse = z.object({
  /** Every day of the range, oldest first, zeros where nothing happened. */
  days: z.array(counters.extend({ day: businessDaySchema })),
  /** Sums over the range; `activeMembers` sums the days (a member active on two days counts twice). */
  totals: counters,
});

/** The daily table (counters and the birthday funnel per day) as CSV. */
export const opsAnalyticsExportRequest = dayRange;

export const opsAnalyticsSegmentsRequest = z.object({}).strict();
const scoreCounts = z.array(z.object({ score: z.number().int().min(0).max(5), members: count }));
export const opsAnalyticsSegmentsResponse = z.object({
  stages: z.array(z.object({ stage: z.enum(LIFECYCLE_STAGES), members: count })),
  rfm: z.object({ r: scoreCounts, f: scoreCounts, m: scoreCounts }),
  /** Members with stats; of them, those the segment job's last run left waiting. Counted by that run, as the sizes are. */
  members: count,
  pending: count,
  /** When the most recent stage was computed. */
  segmentedAt: z.iso.datetime({ offset: true }).nullable(),
});

export const opsAnalyticsFunnelRequest = z
  .object({ ...dayRangeFields, funnel: z.enum(Object.keys(FUNNELS) as [keyof typeof FUNNELS]) })
  .strict()
  .superRefine(checkDayRange);
const funnelStepSchema = z.enum(FUNNELS.birthday);
export const opsAnalyticsFunnelResponse = z.object({
  funnel: z.enum(Object.keys(FUNNELS) as [keyof typeof FUNNELS]),
  /** Members who reached each step within the range (each counted once per yearly round), and the conversions. */
  steps: z.array(
    z.object({
      step: funnelStepSchema,
      members: count,
      fromPreviousPermille: count.nullable(),
      fromFirstPermille: count.nullable(),
    }),
  ),
  days: z.array(z.object({ day: businessDaySchema, steps: z.record(funnelStepSchema, count) })),
});

export type OpsAnalyticsDailyResponse = z.infer<typeof opsAnalyticsDailyResponse>;
export type OpsAnalyticsSegmentsResponse = z.infer<typeof opsAnalyticsSegmentsResponse>;
export type OpsAnalyticsFunnelResponse = z.infer<typeof opsAnalyticsFunnelResponse>;
