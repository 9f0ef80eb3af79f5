import { COMMUNITY_ACTIVITY, type CommunityActivity, type OpsInsightsActivityResponse } from '@cakeday/shared';
import { businessDaysFrom } from '../analytics/businessDays';
import { InsightsDayModel, type InsightsDay } from './InsightsDay.model';

type Counts = Record<string, Record<string, number>> | undefined;
const sumOf = (group: Record<string, number> | undefined): number => Object.values(group ?? {}).reduce((sum, value) => sum + value, 0);

/** Where each community count lives in the insights day (`group.name`). */
const ACTIVITY_FIELDS: Record<CommunityActivity, [string, string]> = {
  posts: ['community', 'posts'],
  helpStarted: ['help', 'started'],
  helpUnlocked: ['help', 'unlocked'],
  referralsBound: ['referrals', 'bound'],
  referralsRewarded: ['referrals', 'rewarded'],
};

const add = (into: Map<string, number>, group: Record<string, number> | undefined): void => {
  for (const [name, value] of Object.entries(group ?? {})) into.set(name, (into.get(name) ?? 0) + value);
};

/** Messages by outcome, channel and reason, and community activity, from the daily insights counts of a range. */
export async function readActivity(range: { from: string; to: string }): Promise<OpsInsightsActivityResponse> {
  const stored = await InsightsDayModel.find(
    { _id: { $in: businessDaysFrom(range.from, range.to) } },
    { 'counts.messagesSent': 1, 'counts.messagesFailed': 1, 'counts.messagesSkipped': 1, 'counts.failedByChannel': 1, 'counts.skippedByChannel': 1, 'counts.community': 1, 'counts.help': 1, 'counts.referrals': 1 },
  ).lean<Pick<InsightsDay, '_id' | 'counts'>[]>();
  const byDay = new Map<string, Counts>(stored.map((day) => [day._id, day.counts]));
  const sent = new Map<string, number>();
  const failedByChannel = new Map<string, number>();
  const skippedByChannel = new Map<string, number>();
  const failedReasons = new Map<string, number>();
  const skippedReasons = new Map<string, number>();
  const totals = { sent: 0, failed: 0, skipped: 0, ...(Object.fromEntries(COMMUNITY_ACTIVITY.map((name) => [name, 0])) as Record<CommunityActivity, number>) };
  const days = businessDaysFrom(range.from, range.to).map((day) => {
    const counts = byDay.get(day);
    add(sent, counts?.messagesSent);
    add(failedByChannel, counts?.failedByChannel);
    add(skippedByChannel, counts?.skippedByChannel);
    add(failedReasons, counts?.messagesFailed);
    add(skippedReasons, counts?.messagesSkipped);
    const activity = Object.fromEntries(COMMUNITY_ACTIVITY.map((name) => [name, counts?.[ACTIVITY_FIELDS[name][0]]?.[ACTIVITY_FIELDS[name][1]] ?? 0])) as Record<CommunityActivity, number>;
    const row = { day, sent: sumOf(counts?.messagesSent), failed: sumOf(counts?.messagesFailed), skipped: sumOf(counts?.messagesSkipped), ...activity };
    for (const name of ['sent', 'failed', 'skipped', ...COMMUNITY_ACTIVITY] as const) totals[name] += row[name];
    return row;
  });
  const channelNames = [...new Set([...sent.keys(), ...failedByChannel.keys(), ...skippedByChannel.keys()])].sort();
  const channels = channelNames.map((channel) => {
    const counts = { sent: sent.get(channel) ?? 0, failed: failedByChannel.get(channel) ?? 0, skipped: skippedByChannel.get(channel) ?? 0 };
    const meant = counts.sent + counts.failed + counts.skipped;
    return { channel, ...counts, reachPermille: meant > 0 ? Math.floor((counts.sent * 1000) / meant) : null };
  });
  const reasons = [
    ...[...failedReasons].map(([reason, count]) => ({ outcome: 'failed' as const, reason, count })),
    ...[...skippedReasons].map(([reason, count]) => ({ outcome: 'skipped' as const, reason, count })),
  ].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { days, channels, reasons, totals };
}
