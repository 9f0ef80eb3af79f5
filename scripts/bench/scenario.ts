import type mongoose from 'mongoose';
import type { RunningWechatSandbox } from '../wechat-sandbox';
import type { Measurement } from './load/measurement';
import type { PlannedLoad } from './load/plannedLoad';
import type { TimedLoad } from './load/timedLoad';
import type { BenchSecrets } from './productionEnv';
import type { ServerStats } from './report/serverStats';

/**
 * A bench scenario: one file under scenarios/, listed once in scenarios/index.ts. It seeds what it needs (with its
 * own member group, so scenarios never share data), drives the BFF over HTTP and measures a baseline in the same run
 * (the raw driver doing the route's reads, or a raw send rate), and checks the outcome exactly where it can.
 *
 * `campaign.dispatch` and `dashboard.query` measure work that is not one route per request (the campaign engine runs
 * in the bench's process as a BFF instance's job would; the dashboard's data is seeded in bulk through the raw driver).
 */
export interface Scenario {
  /** The route or use case, e.g. `members.me`; rows are named from it. */
  name: string;
  /** One line on what it measures, for the report. */
  summary: string;
  /** How many BFF instances it drives (the stack starts the most any selected scenario needs). */
  instances: number;
  /** A distinct member group (1-250) for client addresses and openids. */
  group: number;
  run(context: BenchContext): Promise<ScenarioResult>;
}

export interface BenchContext {
  /** Base URLs of the running BFF instances (production build, production configuration). */
  bff: readonly string[];
  /** The raw MongoDB driver on the BFF's database: the floor baselines use it directly. */
  db: mongoose.mongo.Db;
  sandbox: RunningWechatSandbox;
  secrets: BenchSecrets;
  /** How long a timed measurement lasts (`--seconds`). */
  seconds: number;
  /** `--requests`: each timed measurement and floor makes exactly this many requests instead (the smoke test's). */
  requests?: number;
  /** Scales planned request counts and seed sizes down for a smoke run (1 for the real bench). */
  scale: number;
  now: Date;
  log(line: string): void;
  /**
   * Drives a route for `seconds` after an uncounted warm-up, reading the BFFs' /metrics just before and after the
   * counted part (CPU used, pool waits, event-loop lag), kept for the row named `row`.
   */
  timed(row: string, load: Omit<TimedLoad, 'seconds'>): Promise<Measurement>;
  /** Sends a planned list of requests once each, with the same server readings. */
  planned(row: string, load: PlannedLoad): Promise<Measurement>;
  /** Runs work done in the bench's own process (the campaign engine) under its CPU profiler when `--profile` is on. */
  profiled<T>(label: string, work: () => Promise<T>): Promise<T>;
}

export interface BenchRow {
  /** Unique in a run, e.g. `members.me` or `members.me floor`. */
  name: string;
  kind: 'ceiling' | 'route' | 'floor';
  connections: number;
  instances: number;
  measurement: Measurement;
  /** The row measured in the same run that this one is compared with, and rps(this) / rps(baseline). */
  baseline?: { name: string; ratio: number };
  /** What the BFFs' own metrics said while this row was measured (route rows). */
  server?: ServerStats & { cpuMsPerRequest: number };
}

export interface BenchCheck {
  scenario: string;
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioResult {
  rows: BenchRow[];
  checks: BenchCheck[];
}

/** rps(row) / rps(baseline), to two decimals. */
export function against(row: Omit<BenchRow, 'baseline'>, baseline: BenchRow): BenchRow {
  const base = baseline.measurement.requestsPerSecond;
  return { ...row, baseline: { name: baseline.name, ratio: base > 0 ? Number((row.measurement.requestsPerSecond / base).toFixed(2)) : 0 } };
}

/** A check with its expected and actual values in the detail. */
export function expectEqual(scenario: string, name: string, actual: number, expected: number): BenchCheck {
  return { scenario, name, ok: actual === expected, detail: `expected ${expected}, got ${actual}` };
}

/** At least 1, for a scaled-down count. */
export const scaled = (count: number, scale: number): number => Math.max(1, Math.round(count * scale));
