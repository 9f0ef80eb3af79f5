import { formatKpi, kpiNames, MEASURED_KPIS, type ProgramSettings } from '@cakeday/shared';
import type { CsvExport } from '../http/routeHandler';
import { readKpis } from './readKpis';

/** The KPI dashboard's daily table as CSV: one row a day, each measured KPI's value, then the targets row. */
export async function exportKpis(range: { from: string; to: string }, settings: ProgramSettings): Promise<CsvExport> {
  const { kpis } = await readKpis(range, settings);
  const measured = kpis.filter((kpi) => MEASURED_KPIS.has(kpi.kpi));
  const days = measured[0]?.days.map((day) => day.day) ?? [];
  async function* rows(): AsyncGenerator<(string | number | null)[]> {
    yield ['日期', ...measured.map((kpi) => kpiNames[kpi.kpi])];
    for (const [index, day] of days.entries()) yield [day, ...measured.map((kpi) => formatKpi(kpi.kpi, kpi.days[index]?.value ?? null))];
    yield ['目标', ...measured.map((kpi) => formatKpi(kpi.kpi, kpi.target))];
  }
  return { filename: `kpis-${range.from}-${range.to}.csv`, total: days.length, rows: rows() };
}
