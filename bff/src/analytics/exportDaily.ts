import { FUNNELS, funnelStepNames } from '@cakeday/shared';
import type { CsvExport } from '../http/routeHandler';
import { readDaily } from './readDaily';
import { readFunnel } from './readFunnel';

/** The dashboard's daily table as CSV: at most 366 rows, read from the rollups like the page. */
export async function exportDaily(range: { from: string; to: string }): Promise<CsvExport> {
  const [daily, funnel] = await Promise.all([readDaily(range), readFunnel({ funnel: 'birthday', ...range })]);
  const steps = FUNNELS.birthday;
  const funnelByDay = new Map(funnel.days.map((day) => [day.day, day.steps]));
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['日期', '新会员', '活跃会员', '订单', 'GMV（元）', '退款（元）', '积分发放', '积分使用', '权益领取', ...steps.map((step) => `生日礼${funnelStepNames[step]}`)];
    for (const day of daily.days) {
      const counts = funnelByDay.get(day.day);
      yield [day.day, day.newMembers, day.activeMembers, day.orders, (day.gmvFen / 100).toFixed(2), (day.refundedFen / 100).toFixed(2), day.pointsIssued, day.pointsRedeemed, day.benefitClaims, ...steps.map((step) => counts?.[step] ?? 0)];
    }
  }
  return { filename: `analytics-${range.from}-${range.to}.csv`, total: daily.days.length, rows: rows() };
}
