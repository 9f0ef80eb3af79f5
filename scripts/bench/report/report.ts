import { cpus, totalmem } from 'node:os';
import type { BenchCheck, BenchRow } from '../scenario';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  database: string;
}

export interface ReportRow extends BenchRow {
  /** rps(row) / rps(healthz) of the same run: the share of the framework ceiling the route keeps. */
  ofCeiling?: number;
}

/** One run, as written to .artifacts/bench/latest.json and compared with by the next run. */
export interface BenchReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  settings: { seconds: number; requests?: number; scale: number; scenarios: string[] };
  rows: ReportRow[];
  checks: BenchCheck[];
}

export function describeMachine(database: string): Machine {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    database,
  };
}

/** Adds each row's share of the ceiling (the `healthz` row) when the run measured one. */
export function withCeilingRatios(rows: readonly BenchRow[]): ReportRow[] {
  const ceiling = rows.find((row) => row.kind === 'ceiling')?.measurement.requestsPerSecond;
  return rows.map((row) =>
    ceiling && row.kind !== 'ceiling' ? { ...row, ofCeiling: Number((row.measurement.requestsPerSecond / ceiling).toFixed(2)) } : { ...row },
  );
}
