import type { ProgramSettings } from '@cakeday/shared';
import type { CsvExport } from '../http/routeHandler';
import { readLiability } from './readLiability';

/** The liability's months as CSV (a few dozen rows at most), money in yuan. */
export async function exportLiability(now: Date, settings: ProgramSettings): Promise<CsvExport> {
  const liability = await readLiability(now, settings);
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['到期月份', '积分', '预计兑换积分', '折算金额（元）'];
    for (const row of liability.months) yield [row.month, row.points, row.expectedRedeemedPoints, (row.impliedFen / 100).toFixed(2)];
    yield ['合计', liability.outstandingPoints, liability.months.reduce((sum, row) => sum + row.expectedRedeemedPoints, 0), (liability.impliedFen / 100).toFixed(2)];
  }
  return { filename: `points-liability-${liability.day}.csv`, total: liability.months.length + 1, rows: rows() };
}
