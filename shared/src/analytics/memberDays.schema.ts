import { z } from 'zod';
import { TIER_LEVELS } from '../tiers/tiers.rules.js';
import { LIFECYCLE_STAGES } from './segments.rules.js';

const businessDay = z.iso.date();
const count = z.number().int();
const DAY_MS = 86_400_000;
/** The longest range the members-over-time chart asks for at once. */
export const MEMBER_DAYS_MAX_DAYS = 366;

const dayRange = z
  .object({ from: businessDay, to: businessDay })
  .strict()
  .superRefine((range, ctx) => {
    if (range.from > range.to) ctx.addIssue({ code: 'custom', message: '开始日期须不晚于结束日期', path: ['to'] });
    else if ((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS >= MEMBER_DAYS_MAX_DAYS) ctx.addIssue({ code: 'custom', message: `最多查询 ${MEMBER_DAYS_MAX_DAYS} 天`, path: ['from'] });
  });

/** Members whose lifecycle stage the segment job has not computed yet are counted apart. */
export const MEMBER_DAY_STAGES = [...LIFECYCLE_STAGES, 'pending'] as const;
export type MemberDayStage = (typeof MEMBER_DAY_STAGES)[number];

const tierCounts = z.object(Object.fromEntries(TIER_LEVELS.map((tier) => [tier, count])) as Record<(typeof TIER_LEVELS)[number], typeof count>);
const stageCounts = z.object(Object.fromEntries(MEMBER_DAY_STAGES.map((stage) => [stage, count])) as Record<MemberDayStage, typeof count>);

export const opsAnalyticsMembersRequest = dayRange;
export const opsAnalyticsMembersResponse = z.object({
  /**
   * The days of the range that have a snapshot, oldest first: active members by tier and by lifecycle stage, counted
   * once a business day. `estimated`: the day was missed (the job did not run) and filled in later from the members'
   * join dates with their tier and stage as they were then counted.
   */
  days: z.array(z.object({ day: businessDay, members: count, tiers: tierCounts, stages: stageCounts, estimated: z.boolean() })),
});
export const opsAnalyticsMembersExportRequest = dayRange;

export type OpsAnalyticsMembersResponse = z.infer<typeof opsAnalyticsMembersResponse>;
