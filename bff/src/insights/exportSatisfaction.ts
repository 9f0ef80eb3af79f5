import { sentimentClassNames, SENTIMENT_CLASSES, type ProgramSettings } from '@cakeday/shared';
import type { CsvExport } from '../http/routeHandler';
import { readSatisfaction } from './readSatisfaction';

/** The satisfaction dashboard's daily table as CSV (at most 366 rows). */
export async function exportSatisfaction(range: { from: string; to: string }, settings: ProgramSettings): Promise<CsvExport> {
  const satisfaction = await readSatisfaction(range, settings);
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['日期', 'NPS 回答', 'NPS', '评价数', '平均星级', ...SENTIMENT_CLASSES.map((name) => `评语${sentimentClassNames[name]}`)];
    for (const day of satisfaction.days) yield [day.day, day.npsResponses, day.nps, day.ratings, day.averageStars, ...SENTIMENT_CLASSES.map((name) => day.sentiment[name])];
  }
  return { filename: `satisfaction-${range.from}-${range.to}.csv`, total: satisfaction.days.length, rows: rows() };
}
