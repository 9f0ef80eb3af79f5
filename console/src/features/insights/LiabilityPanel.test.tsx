import type { OpsInsightsLiabilityResponse } from '@cakeday/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { renderConsole } from '../../../test/renderConsole';
import { liabilityChartOption } from './liabilityChartOption';

const liability: OpsInsightsLiabilityResponse = {
  day: '2026-11-29',
  computedAt: '2026-11-29T10:00:00+08:00',
  outstandingPoints: 1600,
  members: 2,
  redemption: { permille: 650, basis: 'measured', issued: 10_000, redeemed: 6_500 },
  fenPerThousandPoints: 800,
  impliedFen: 832,
  months: [
    { month: '2026-12', points: 300, expectedRedeemedPoints: 195, impliedFen: 156 },
    { month: '2027-12', points: 1300, expectedRedeemedPoints: 845, impliedFen: 676 },
  ],
  history: [{ day: '2026-11-29', outstandingPoints: 1600, impliedFen: 832 }],
};
const rowsOf = (element: Element) => [...element.querySelectorAll('tbody tr.ant-table-row')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));

describe('经营洞察 · 积分负债', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.insights.kpis', () => ok({ kpis: [] }));
    bff.on('ops.insights.liability', () => ok(liability));
  });

  it('charts the points expiring by month beside their table, with the CSV export', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/insights', { signedIn: true });
    fireEvent.click(await screen.findByText('积分负债'));
    await waitFor(() => expect(document.querySelector('[role="img"][aria-label="按月到期积分与预计兑换积分"]')).toBeTruthy());
    const card = document.querySelector('[role="img"][aria-label="按月到期积分与预计兑换积分"]')?.closest('.ant-card') as Element;
    expect(rowsOf(card)).toEqual([
      ['2026-12', '300', '195', '¥1.56'],
      ['2027-12', '1,300', '845', '¥6.76'],
    ]);
    expect(screen.getByText('导出 CSV')).toBeTruthy();
  });
});

describe('liabilityChartOption', () => {
  it('draws a bar per month for the points expiring and one for the part expected to be redeemed', () => {
    const option = liabilityChartOption(liability.months);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-12', '2027-12']);
    const series = option.series as { name: string; type: string; data: number[] }[];
    expect(series.map((one) => [one.name, one.type, one.data])).toEqual([
      ['到期积分', 'bar', [300, 1300]],
      ['预计兑换积分', 'bar', [195, 845]],
    ]);
  });
});
