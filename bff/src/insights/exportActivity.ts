import { COMMUNITY_ACTIVITY, communityActivityNames } from '@cakeday/shared';
import type { CsvExport } from '../http/routeHandler';
import { readActivity } from './readActivity';

/** The messages and community table as CSV (at most 366 rows), read from the daily counts like the page. */
export async function exportActivity(range: { from: string; to: string }): Promise<CsvExport> {
  const activity = await readActivity(range);
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['日期', '消息发送', '消息失败', '消息跳过', ...COMMUNITY_ACTIVITY.map((name) => communityActivityNames[name])];
    for (const day of activity.days) yield [day.day, day.sent, day.failed, day.skipped, ...COMMUNITY_ACTIVITY.map((name) => day[name])];
  }
  return { filename: `activity-${range.from}-${range.to}.csv`, total: activity.days.length, rows: rows() };
}
