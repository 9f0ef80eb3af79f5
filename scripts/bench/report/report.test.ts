import type { Measurement } from '../load/measurement';
import { percentile, summarise } from '../load/measurement';
import type { BenchRow } from '../scenario';
import { compareRuns } from './compare';
import { withCeilingRatios, type BenchReport } from './report';
import { renderSvg } from './svg';
import { renderTable } from './table';

const measure = (rps: number, p99: number): Measurement => ({ requests: rps * 8, seconds: 8, requestsPerSecond: rps, latencyMs: { p50: p99 / 4, p95: p99 / 2, p99, max: p99 * 2 }, errors: 0, statuses: { '200': rps * 8 } });

function report(rows: BenchRow[], settings: Partial<BenchReport['settings']> = {}): BenchReport {
  return {
    version: 1,
    startedAt: '2026-12-01T10:00:00.000Z',
    finishedAt: '2026-12-01T10:03:00.000Z',
    machine: { cpus: 2, cpuModel: 'test cpu', memoryGb: 24, node: 'v20.20.2', platform: 'linux-x64', database: 'test db' },
    settings: { seconds: 8, scale: 1, scenarios: [], ...settings },
    rows: withCeilingRatios(rows),
    checks: [],
  };
}

const ceiling: BenchRow = { name: 'healthz', kind: 'ceiling', connections: 100, instances: 1, measurement: measure(4000, 40) };
const me = (rps: number, p99: number): BenchRow => ({ name: 'members.me', kind: 'route', connections: 100, instances: 1, measurement: measure(rps, p99), baseline: { name: 'members.me floor', ratio: 0.8 } });

describe('percentiles', () => {
  it('take the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect([percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99), percentile([], 0.99)]).toEqual([50, 95, 99, 0]);
    expect(summarise([3, 1, 2], 2, { '200': 3 }, 0)).toMatchObject({ requests: 3, requestsPerSecond: 1.5, latencyMs: { p50: 2, max: 3 } });
  });
});

describe('comparing with the previous run', () => {
  it('flags a throughput drop or a p99 rise beyond the thresholds, and nothing within them', () => {
    const previous = report([ceiling, me(400, 100)]);
    expect(compareRuns(previous, report([ceiling, me(360, 120)])).regressions).toEqual([]);
    const slower = compareRuns(previous, report([ceiling, me(300, 100)]));
    expect(slower.regressions.map((row) => [row.name, row.regression])).toEqual([['members.me', 'requests/s -25%']]);
    const tail = compareRuns(previous, report([ceiling, me(400, 200)]), { throughput: 0.15, p99: 0.3 });
    expect(tail.regressions.map((row) => row.regression)).toEqual(['p99 +100%']);
  });

  it('does not compare runs with other settings', () => {
    const comparison = compareRuns(report([me(400, 100)], { seconds: 2 }), report([me(100, 900)]));
    expect(comparison).toMatchObject({ comparable: false, regressions: [] });
  });

  it('prints a regression loudly in the table', () => {
    const current = report([ceiling, me(200, 100)]);
    const table = renderTable(current, compareRuns(report([ceiling, me(400, 100)]), current));
    expect(table).toContain('REGRESSION');
    expect(table).toMatch(/members\.me: requests\/s -50% \(400 -> 200 req\/s/);
    expect(table).toContain('0.80 × members.me floor');
    expect(renderTable(current, null)).not.toContain('REGRESSION');
  });
});

describe('the report', () => {
  it('gives every row its share of the ceiling', () => {
    expect(report([ceiling, me(400, 100)]).rows.map((row) => row.ofCeiling)).toEqual([undefined, 0.1]);
  });

  it('draws an SVG with a bar per row and the previous run as a dashed mark', () => {
    const svg = renderSvg(report([ceiling, me(400, 100)]), report([ceiling, me(300, 100)]));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect /g)?.length).toBeGreaterThanOrEqual(1 + 2 * 2 + 3);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('>members.me</text>');
    expect(renderSvg(report([ceiling]), null)).not.toContain('stroke-dasharray');
  });
});
