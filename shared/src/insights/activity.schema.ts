import { z } from 'zod';

const count = z.number().int();
const businessDay = z.iso.date();
const dayRange = z
  .object({ from: businessDay, to: businessDay })
  .strict()
  .refine((range) => range.from <= range.to && (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < 366, { message: '日期范围须在 366 天内', path: ['to'] });

/** Community activity counted per day: posts, friends' help, referrals. */
export const COMMUNITY_ACTIVITY = ['posts', 'helpStarted', 'helpUnlocked', 'referralsBound', 'referralsRewarded'] as const;
export type CommunityActivity = (typeof COMMUNITY_ACTIVITY)[number];
export const communityActivityNames: Record<CommunityActivity, string> = {
  posts: '社区发帖',
  helpStarted: '发起助力',
  helpUnlocked: '助力成功',
  referralsBound: '邀请绑定',
  referralsRewarded: '邀请奖励',
};

const activityCounts = z.object(Object.fromEntries(COMMUNITY_ACTIVITY.map((name) => [name, count])) as Record<CommunityActivity, typeof count>);

export const opsInsightsActivityRequest = dayRange;
export const opsInsightsActivityResponse = z.object({
  /** Each day, oldest first: messages sent, failed and skipped (all channels), and community activity. */
  days: z.array(z.object({ day: businessDay, sent: count, failed: count, skipped: count }).extend(activityCounts.shape)),
  /** Per channel over the range; reach = sent of sent + failed + skipped, per mille (null when none). */
  channels: z.array(z.object({ channel: z.string(), sent: count, failed: count, skipped: count, reachPermille: count.nullable() })),
  /** Why messages failed or were skipped over the range, most frequent first (our own codes, never member text). */
  reasons: z.array(z.object({ outcome: z.enum(['failed', 'skipped']), reason: z.string(), count })),
  totals: z.object({ sent: count, failed: count, skipped: count }).extend(activityCounts.shape),
});
export const opsInsightsActivityExportRequest = dayRange;

export type OpsInsightsActivityResponse = z.infer<typeof opsInsightsActivityResponse>;
