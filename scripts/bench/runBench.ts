import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './options';
import { readProfiles, renderProfile, summariseProfiles } from './profile/summariseProfile';
import { readPrevious, writeArtifacts, type WrittenArtifacts } from './report/artifacts';
import { compareRuns, type Comparison } from './report/compare';
import { describeMachine, withCeilingRatios, type BenchReport } from './report/report';
import { renderSvg } from './report/svg';
import { renderTable } from './report/table';
import type { BenchCheck, BenchRow, Scenario } from './scenario';
import { scenarios as allScenarios } from './scenarios';
import { startBenchStack } from './stack';

export interface BenchOutcome {
  report: BenchReport;
  comparison: Comparison | null;
  table: string;
  artifacts: WrittenArtifacts;
  profile?: string;
}

export function selectScenarios(only: readonly string[], available: readonly Scenario[] = allScenarios): Scenario[] {
  if (only.length === 0) return [...available];
  const unknown = only.filter((name) => !available.some((scenario) => scenario.name === name || scenario.name.split(' / ').includes(name)));
  if (unknown.length > 0) throw new Error(`bench: no scenario named ${unknown.join(', ')} (known: ${available.map((scenario) => scenario.name).join(', ')})`);
  return available.filter((scenario, index) => index === 0 || only.some((name) => scenario.name === name || scenario.name.split(' / ').includes(name)));
}

/** Starts the stack, runs the scenarios in order, stops the stack, then reports, compares and writes the artifacts. */
export async function runBench(options: BenchOptions, log: (line: string) => void = console.log): Promise<BenchOutcome> {
  const selected = selectScenarios(options.only);
  const startedAt = new Date();
  const profileDir = options.profile ? path.join(options.outDir, 'profiles', startedAt.toISOString().replace(/[:.]/g, '-')) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const instances = Math.max(...selected.map((scenario) => scenario.instances));
  const stack = await startBenchStack({ instances, artifactsDir: options.outDir, cpuProfileDir: profileDir, log });
  const rows: BenchRow[] = [];
  const checks: BenchCheck[] = [];
  try {
    for (const scenario of selected) {
      log(`bench: ${scenario.name}: ${scenario.summary}`);
      const result = await scenario.run({
        bff: stack.bffs.map((bff) => bff.url),
        db: stack.db,
        sandbox: stack.sandbox,
        secrets: stack.secrets,
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        scale: options.scale,
        now: new Date(),
        log,
      });
      rows.push(...result.rows);
      checks.push(...result.checks);
    }
  } finally {
    await stack.stop();
  }
  const report: BenchReport = {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: describeMachine(stack.database.embedded ? 'mongo-java-server 1.47 in memory (single worker thread, no secondary indexes)' : 'MONGODB_URI'),
    settings: { seconds: options.seconds, scale: options.scale, scenarios: selected.map((scenario) => scenario.name) },
    rows: withCeilingRatios(rows),
    checks,
  };
  const previous = readPrevious(options.outDir);
  const comparison = previous ? compareRuns(previous, report, options.thresholds) : null;
  const table = renderTable(report, comparison);
  const artifacts = writeArtifacts(options.outDir, report, renderSvg(report, previous));
  let profile: string | undefined;
  if (profileDir) {
    profile = renderProfile(summariseProfiles(readProfiles(profileDir)));
    writeFileSync(path.join(profileDir, 'summary.txt'), `${profile}\n`);
  }
  return { report, comparison, table, artifacts, profile };
}
