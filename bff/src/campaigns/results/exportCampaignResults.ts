import type { OpsCampaignsResultsResponse } from '@cakeday/shared';
import type { CsvExport } from '../../http/routeHandler';
import { readCampaignResults } from './readCampaignResults';

type Lift = OpsCampaignsResultsResponse['lift'];

// Numbers stay numbers: a negative lift written as text would be escaped as a would-be formula ('-2.7).
const oneDecimal = (value: number): number => Math.round(value * 10) / 10;
const percent = (part: number, whole: number): number | null => (whole > 0 ? oneDecimal((part * 100) / whole) : null);
const points = (rate: number): number => oneDecimal(rate * 100);
const liftCells = (lift: Lift): (string | number | null)[] =>
  lift ? [points(lift.difference), points(lift.interval[0]), points(lift.interval[1]), lift.pValue === null ? null : Math.round(lift.pValue * 10_000) / 10_000, lift.significant ? '是' : '否'] : [null, null, null, null, null];

/**
 * A campaign's groups as CSV: reached against held out (the campaign's lift), then each variant against the first.
 * Counts and rates only, a handful of rows.
 */
export async function exportCampaignResults(id: string, attributionDays: number): Promise<CsvExport> {
  const results = await readCampaignResults(id, attributionDays);
  const control = results.variants[0];
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['分组', '对比', '人数', '购买人数', '购买率（%）', '提升（百分点）', '95% 置信区间下限', '95% 置信区间上限', 'p 值', '显著'];
    yield ['触达组', '对照组', results.treatment.members, results.treatment.conversions, percent(results.treatment.conversions, results.treatment.members), ...liftCells(results.lift)];
    yield ['对照组', '', results.holdout.members, results.holdout.conversions, percent(results.holdout.conversions, results.holdout.members), ...liftCells(null)];
    if (results.variants.length > 1) {
      for (const variant of results.variants) {
        yield [`版本：${variant.name}`, variant === control ? '' : (control?.name ?? ''), variant.reached, variant.conversions, percent(variant.conversions, variant.reached), ...liftCells(variant.vsControl)];
      }
    }
  }
  const total = 2 + (results.variants.length > 1 ? results.variants.length : 0);
  return { filename: `campaign-results-${id}.csv`, total, rows: rows() };
}
