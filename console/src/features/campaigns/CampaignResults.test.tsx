import type { OpsCampaignsResultsResponse } from '@cakeday/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';
import { opsCampaign } from '../../../test/fixtures';
import { liftChartOption, liftRowsOf } from './liftChartOption';

const campaign = opsCampaign({ holdoutPermille: 100, state: 'completed', audienceSize: 1000 });
const variant = { delivered: 0, opened: 0, claimed: 0, used: 0, gmvFen: 0, banditSharePermille: null };
const results: OpsCampaignsResultsResponse = {
  attributionDays: 7,
  funnel: [
    { step: 'reached', members: 900, fromPreviousPermille: null, fromFirstPermille: null },
    { step: 'delivered', members: 880, fromPreviousPermille: 977, fromFirstPermille: 977 },
    { step: 'opened', members: 300, fromPreviousPermille: 340, fromFirstPermille: 333 },
    { step: 'claimed', members: 120, fromPreviousPermille: 400, fromFirstPermille: 133 },
    { step: 'used', members: 60, fromPreviousPermille: 500, fromFirstPermille: 66 },
  ],
  attributedOrders: 90,
  gmvFen: 1_152_000,
  treatment: { members: 900, conversions: 90 },
  holdout: { members: 100, conversions: 6 },
  lift: { controlRate: 0.06, treatmentRate: 0.1, difference: 0.04, interval: [-0.0087, 0.0887], relativeLift: 0.667, pValue: 0.21, significant: false },
  variants: [
    { key: 'a', name: '简洁版', reached: 450, conversions: 36, vsControl: null, ...variant },
    { key: 'b', name: '温暖版', reached: 450, conversions: 54, vsControl: { controlRate: 0.08, treatmentRate: 0.12, difference: 0.04, interval: [0.0012, 0.0788], relativeLift: 0.5, pValue: 0.04, significant: true }, ...variant },
  ],
  srm: { statistic: 0, pValue: 1, mismatch: false },
};

describe('营销活动: 活动效果 with its lift chart', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    bff.on('ops.campaigns.list', () => ok({ items: [campaign], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.campaigns.results', () => ok(results));
  });

  it('draws each lift with its 95% interval beside a table of the same numbers, and offers the CSV', async () => {
    renderConsole('/campaigns', { signedIn: true });
    // The first render of the page's chunk is slow in jsdom on a busy machine.
    (await screen.findByText('活动效果', {}, { timeout: 60_000 })).click();
    const dialog = await findDialog('会员日：活动效果');
    await waitFor(() => expect(dialog.querySelector('[role="img"][aria-label="购买率提升与 95% 置信区间（百分点）"]')).toBeTruthy());
    const rows = [...within(dialog).getByTestId('campaign-lift-table').querySelectorAll('tbody tr.ant-table-row')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['触达组 对比 对照组', '+4.0', '-0.9 ～ +8.9', '0.210', '尚不显著'],
      ['温暖版 对比 简洁版', '+4.0', '+0.1 ～ +7.9', '0.040', '显著'],
    ]);
    expect(within(dialog).getByText('导出 CSV')).toBeTruthy();
    expect(bff.callsTo('ops.campaigns.results')[0]).toEqual({ id: campaign.id });
  }, 120_000);
});

describe('liftChartOption', () => {
  it('plots each lift as a point in percentage points with its interval as a bar through it, first comparison on top, and a line at zero', () => {
    const option = liftChartOption(liftRowsOf(results));
    expect((option.yAxis as { data: string[] }).data).toEqual(['温暖版 对比 简洁版', '触达组 对比 对照组']);
    const series = option.series as { name: string; type: string; data: [number, string][]; markLine?: { data: { xAxis: number }[] } }[];
    expect(series.map((one) => [one.name, one.type])).toEqual([
      ['95% 置信区间', 'line'],
      ['95% 置信区间', 'line'],
      ['提升', 'scatter'],
    ]);
    expect(series[0]?.data).toEqual([
      [0.1, '温暖版 对比 简洁版'],
      [7.9, '温暖版 对比 简洁版'],
    ]);
    expect(series[1]?.data).toEqual([
      [-0.9, '触达组 对比 对照组'],
      [8.9, '触达组 对比 对照组'],
    ]);
    expect(series[2]?.data).toEqual([
      [4, '温暖版 对比 简洁版'],
      [4, '触达组 对比 对照组'],
    ]);
    expect(series[2]?.markLine?.data).toEqual([{ name: '无提升', xAxis: 0 }]);
  });

  it('has no comparison without a holdout and before a second variant has members', () => {
    expect(liftRowsOf({ lift: null, variants: [results.variants[0]!, { ...results.variants[1]!, vsControl: null }] })).toEqual([]);
  });
});
