import type { BenchCheck } from '../scenario';
import type { Comparison } from './compare';
import type { BenchReport, ReportRow } from './report';

function pad(cells: readonly string[][]): string[] {
  const widths = cells[0]?.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length))) ?? [];
  return cells.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '));
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);

function rowCells(row: ReportRow, change: Map<string, number>): string[] {
  const { measurement: m } = row;
  const delta = change.get(row.name);
  return [
    row.name,
    String(row.connections),
    row.instances === 0 ? 'driver' : String(row.instances),
    fixed(m.requestsPerSecond),
    delta === undefined ? '' : `${delta >= 0 ? '+' : ''}${(delta * 100).toFixed(0)}%`,
    fixed(m.latencyMs.p50, 2),
    fixed(m.latencyMs.p95, 2),
    fixed(m.latencyMs.p99, 2),
    String(m.errors),
    row.baseline ? `${fixed(row.baseline.ratio, 2)} × ${row.baseline.name}` : '',
    row.ofCeiling === undefined ? '' : fixed(row.ofCeiling, 2),
    row.server ? fixed(row.server.cpuMsPerRequest, 2) : '',
    row.server ? fixed(row.server.poolWaitP99Ms, 1) : '',
    row.server ? fixed(row.server.eventLoopLagP99Ms, 1) : '',
  ];
}

/** The terminal table: one line per measured row, then the checks, then the comparison with the previous run. */
export function renderTable(report: BenchReport, comparison: Comparison | null): string {
  const change = new Map((comparison?.changes ?? []).map((row) => [row.name, row.rpsChange]));
  const header = ['scenario', 'conns', 'inst', 'req/s', 'vs prev', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'ratio to baseline', 'of ceiling', 'cpu ms/req', 'pool wait p99', 'loop lag p99'];
  const lines = pad([header, ...report.rows.map((row) => rowCells(row, change))]);
  const out = [lines[0] ?? '', '-'.repeat((lines[0] ?? '').length), ...lines.slice(1)];
  if (report.checks.length > 0) out.push('', ...report.checks.map((check: BenchCheck) => `${check.ok ? 'ok  ' : 'FAIL'}  ${check.scenario}: ${check.name} (${check.detail})`));
  const { machine } = report;
  out.push('', 'cpu ms/req: BFF CPU per answered request; pool wait p99: ms an operation waited for a database connection; loop lag p99: ms (from the BFFs\' own /metrics)');
  out.push(`machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, database: ${machine.database}`);
  if (comparison && !comparison.comparable) out.push(`previous run not compared: ${comparison.reason}`);
  if (comparison && comparison.regressions.length > 0) {
    const bar = '!'.repeat(72);
    out.push('', bar, `!!! REGRESSION against the previous run (${comparison.regressions.length} row(s))`);
    for (const row of comparison.regressions) out.push(`!!!   ${row.name}: ${row.regression} (${row.previousRps} -> ${row.rps} req/s, p99 ${row.previousP99} -> ${row.p99} ms)`);
    out.push(bar);
  }
  return out.join('\n');
}
