import { sentimentClassNames, SENTIMENT_CLASSES, type OpsInsightsSatisfactionExportRequest, type OpsInsightsSatisfactionResponse, type ProgramSettings } from '@cakeday/shared';
import type { CsvExport } from '../http/routeHandler';
import { readSatisfaction } from './readSatisfaction';

type Row = (string | number | null)[];
const STAR_HEADERS = [1, 2, 3, 4, 5].map((star) => `${star} 星`);

function dayRows(satisfaction: OpsInsightsSatisfactionResponse): Row[] {
  return [
    ['日期', 'NPS 回答', '推荐者', '被动者', '贬损者', 'NPS', '评价数', '平均星级', ...STAR_HEADERS, ...SENTIMENT_CLASSES.map((name) => `评语${sentimentClassNames[name]}`)],
    ...satisfaction.days.map((day) => [
      day.day,
      day.npsResponses,
      day.promoters,
      day.passives,
      day.detractors,
      day.nps,
      day.ratings,
      day.averageStars,
      ...day.stars,
      ...SENTIMENT_CLASSES.map((name) => day.sentiment[name]),
    ]),
  ];
}

const sentimentRows = ({ sentiment }: OpsInsightsSatisfactionResponse): Row[] => [
  ['情感', '评语数', '占比（‰）', '目标（‰）'],
  ...SENTIMENT_CLASSES.map((name) => [sentimentClassNames[name], sentiment.counts[name], sentiment.shares[name], sentiment.targets[name]]),
];

const complaintRows = ({ complaintWords }: OpsInsightsSatisfactionResponse): Row[] => [['抱怨词', '出现次数'], ...complaintWords.map(({ word, count }) => [word, count])];

const TABLES = { days: dayRows, sentiment: sentimentRows, complaints: complaintRows } as const;

/** One of the satisfaction dashboard's tables as CSV (at most 366 rows): per day, by sentiment, or complaint words. */
export async function exportSatisfaction(input: OpsInsightsSatisfactionExportRequest, settings: ProgramSettings): Promise<CsvExport> {
  const satisfaction = await readSatisfaction(input, settings);
  const [header, ...body] = TABLES[input.table](satisfaction);
  async function* rows(): AsyncGenerator<Row> {
    if (header) yield header;
    for (const row of body) yield row;
  }
  return { filename: `satisfaction-${input.table}-${input.from}-${input.to}.csv`, total: body.length, rows: rows() };
}
