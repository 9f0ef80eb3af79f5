import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './options';
import { IN_PROCESS_PREFIX, profileInProcess } from './profile/inProcessProfile';
import { readProfiles, renderProfile, summariseProfiles } from './profile/summariseProfile';
import { readPrevious, writeArtifacts, type WrittenArtifacts } from './report/artifacts';
import { compareRuns, type Comparison } from './report/compare';
import { describeMachine, withCeilingRatios, type BenchReport } from './report/report';
import { renderSvg } from './report/svg';
import { renderTable } from './report/table';
import type { BenchCheck, BenchRow, Scenario } from './scenario';
import { scenarios as allScenarios } from './scenarios';
import { startBenchStack } from './stack';
import { plannedLoad } from './load/plannedLoad';
import { timedLoad } from './load/timedLoad';
import type { Measurement } from './load/measurement';
import { scrape, serverStatsBetween, type ServerStats } from './report/serverStats';

export interface BenchOutcome {
  report: BenchReport;
  comparison: Comparison | null;
  table: string;
  artifacts: WrittenArtifacts;
  profile?: string;
}

/** A row with what the BFFs' metrics said meanwhile, and the BFF CPU each request cost. */
function withServerStats(row: BenchRow, stats: ServerStats | undefined): BenchRow {
  if (!stats || row.measurement.requests === 0) return row;
  return { ...row, server: { ...stats, cpuMsPerRequest: Number(((stats.cpuSeconds * 1000) / row.measurement.requests).toFixed(2)) } };
}

/**
 * The scenarios named (all when none), after the ceiling (the first), which every run measures except a profiling
 * run of named scenarios: its CPU profile should show those alone.
 */
export function selectScenarios(only: readonly string[], options: { profile?: boolean } = {}, available: readonly Scenario[] = allScenarios): Scenario[] {
  if (only.length === 0) return [...available];
  const unknown = only.filter((name) => !available.some((scenario) => scenario.name === name || scenario.name.split(' / ').includes(name)));
  if (unknown.length > 0) throw new Error(`bench: no scenario named ${unknown.join(', ')} (known: ${available.map((scenario) => scenario.name).join(', ')})`);
  return available.filter((scenario, index) => (index === 0 && !options.profile) || only.some((name) => scenario.name === name || scenario.name.split(' / ').includes(name)));
}

/** Starts the stack, runs the scenarios in order, stops the stack, then reports, compares and writes the artifacts. */
export async function runBench(options: BenchOptions, log: (line: string) => void = console.log): Promise<BenchOutcome> {
  const selected = selectScenarios(options.only, { profile: options.profile });
  const startedAt = new Date();
  const profileDir = options.profile ? path.join(options.outDir, 'profiles', startedAt.toISOString().replace(/[:.]/g, '-')) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const instances = Math.max(...selected.map((scenario) => scenario.instances));
  // campaign.dispatch measures the engine in the bench's own process: the instances' dispatch workers stay out of it.
  const stack = await startBenchStack({ instances, artifactsDir: options.outDir, cpuProfileDir: profileDir, bffEntry: options.bffEntry, bffEnv: { CAMPAIGN_DISPATCH_WORKERS: '0' }, log });
  const rows: BenchRow[] = [];
  const checks: BenchCheck[] = [];
  const serverStats = new Map<string, ServerStats>();
  const metricsUrls = stack.bffs.map((bff) => bff.metricsUrl);
  const observed = async (row: string, work: () => Promise<Measurement>): Promise<Measurement> => {
    const before = await scrape(metricsUrls);
    const measurement = await work();
    serverStats.set(row, serverStatsBetween(before, await scrape(metricsUrls)));
    return measurement;
  };
  try {
    for (const scenario of selected) {
      log(`bench: ${scenario.name}: ${scenario.summary}`);
      const result = await scenario.run({
        bff: stack.bffs.map((bff) => bff.url),
        db: stack.db,
        sandbox: stack.sandbox,
        secrets: stack.secrets,
        seconds: options.seconds,
        requests: options.requests,
        scale: options.scale,
        now: new Date(),
        log,
        timed: async (row, load) => {
          if (options.warmupSeconds > 0) await timedLoad({ ...load, seconds: options.warmupSeconds });
          return observed(row, () => timedLoad({ ...load, seconds: options.seconds, requests: options.requests }));
        },
        planned: (row, load) => observed(row, () => plannedLoad(load)),
        profiled: (label, work) => (profileDir ? profileInProcess(path.join(profileDir, `${IN_PROCESS_PREFIX}${label}.cpuprofile`), work) : work()),
      });
      rows.push(...result.rows.map((row) => withServerStats(row, serverStats.get(row.name))));
      checks.push(...result.checks);
    }
  } finally {
    await stack.stop();
  }
  const report: BenchReport = {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: describeMachine(stack.database.embedded ? 'mongo-java-server 1.47 in memory (single worker thread; indexes as our launcher keeps them, see README)' : 'MONGODB_URI'),
    settings: { seconds: options.seconds, requests: options.requests, scale: options.scale, scenarios: selected.map((scenario) => scenario.name) },
    rows: withCeilingRatios(rows),
    checks,
  };
  const previous = readPrevious(options.outDir);
  const comparison = previous ? compareRuns(previous, report, options.thresholds) : null;
  const table = renderTable(report, comparison);
  const artifacts = writeArtifacts(options.outDir, report, renderSvg(report, previous));
  let profile: string | undefined;
  if (profileDir) {
    const inProcess = readProfiles(profileDir, (name) => name.startsWith(IN_PROCESS_PREFIX));
    profile = [
      renderProfile(summariseProfiles(readProfiles(profileDir, (name) => !name.startsWith(IN_PROCESS_PREFIX)))),
      ...(inProcess.length > 0 ? ['', 'CPU profile of the bench process while it ran the in-process engine (self time; the sandbox answers in this process too):', renderProfile(summariseProfiles(inProcess))] : []),
    ].join('\n');
    writeFileSync(path.join(profileDir, 'summary.txt'), `${profile}\n`);
  }
  return { report, comparison, table, artifacts, profile };
}
