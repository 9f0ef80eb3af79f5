import type { BenchReport } from './report';

export interface Thresholds {
  /** A drop in requests/s beyond this fraction is a regression. */
  throughput: number;
  /** A rise in p99 latency beyond this fraction is a regression. */
  p99: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { throughput: 0.15, p99: 0.3 };

export interface RowChange {
  name: string;
  previousRps: number;
  rps: number;
  rpsChange: number;
  previousP99: number;
  p99: number;
  p99Change: number;
  regression: string | null;
}

export interface Comparison {
  comparable: boolean;
  reason?: string;
  changes: RowChange[];
  regressions: RowChange[];
}

const change = (before: number, after: number): number => (before > 0 ? Number(((after - before) / before).toFixed(3)) : 0);

/**
 * Compares a run with the previous one row by row (same settings only: another duration or scale measures something
 * else). Floors are the database's own speed and are compared too: a slower floor explains a slower route.
 */
export function compareRuns(previous: BenchReport, current: BenchReport, thresholds: Thresholds = DEFAULT_THRESHOLDS): Comparison {
  if (previous.settings.seconds !== current.settings.seconds || previous.settings.requests !== current.settings.requests || previous.settings.scale !== current.settings.scale) {
    const bound = previous.settings.requests === undefined ? `${previous.settings.seconds} s` : `${previous.settings.requests} requests`;
    return { comparable: false, reason: `the previous run used ${bound} at scale ${previous.settings.scale}`, changes: [], regressions: [] };
  }
  const before = new Map(previous.rows.map((row) => [row.name, row]));
  const changes: RowChange[] = [];
  for (const row of current.rows) {
    const old = before.get(row.name);
    if (!old) continue;
    const rpsChange = change(old.measurement.requestsPerSecond, row.measurement.requestsPerSecond);
    const p99Change = change(old.measurement.latencyMs.p99, row.measurement.latencyMs.p99);
    const problems = [
      ...(rpsChange < -thresholds.throughput ? [`requests/s ${(rpsChange * 100).toFixed(0)}%`] : []),
      ...(p99Change > thresholds.p99 ? [`p99 +${(p99Change * 100).toFixed(0)}%`] : []),
    ];
    changes.push({
      name: row.name,
      previousRps: old.measurement.requestsPerSecond,
      rps: row.measurement.requestsPerSecond,
      rpsChange,
      previousP99: old.measurement.latencyMs.p99,
      p99: row.measurement.latencyMs.p99,
      p99Change,
      regression: problems.length > 0 ? problems.join(', ') : null,
    });
  }
  return { comparable: true, changes, regressions: changes.filter((row) => row.regression !== null) };
}
