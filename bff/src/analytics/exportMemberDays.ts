import { lifecycleStageNames, MEMBER_DAY_STAGES, TIER_LEVELS, tierNames, type MemberDayStage } from '@cakeday/shared';
import type { CsvExport } from '../http/routeHandler';
import { readMemberDays } from './readMemberDays';

const stageName = (stage: MemberDayStage): string => (stage === 'pending' ? '待计算' : lifecycleStageNames[stage]);

/** The members-over-time snapshots as CSV, one row a day (at most 366). */
export async function exportMemberDays(range: { from: string; to: string }, now: Date): Promise<CsvExport> {
  const { days } = await readMemberDays(range, now);
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['日期', '会员数', ...TIER_LEVELS.map((tier) => tierNames[tier]), ...MEMBER_DAY_STAGES.map(stageName), '估算'];
    for (const day of days) yield [day.day, day.members, ...TIER_LEVELS.map((tier) => day.tiers[tier]), ...MEMBER_DAY_STAGES.map((stage) => day.stages[stage]), day.estimated ? '是' : '否'];
  }
  return { filename: `members-by-tier-and-stage-${range.from}-${range.to}.csv`, total: days.length, rows: rows() };
}
