import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './bffProcess';
import { parseBenchOptions } from './options';
import { runBench, type BenchOutcome } from './runBench';

// The BFF built into a folder of the test's own (inside the repository, so that it finds node_modules), as
// `npm run build` builds it: the smoke run checks the production build, not the sources.
mkdirSync(path.join(ROOT, '.artifacts'), { recursive: true });
const smokeDir = mkdtempSync(path.join(ROOT, '.artifacts', 'bench-smoke-'));
const bffEntry = path.join(smokeDir, 'bff-dist', 'main.js');
let outcome: BenchOutcome;

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'bff/tsconfig.build.json'), '--outDir', path.dirname(bffEntry)], { stdio: 'inherit' });
  const options = parseBenchOptions(['--requests', '100', '--warmup', '0', '--scale', '0.03', '--out', path.join(smokeDir, 'out'), '--bff', bffEntry], smokeDir);
  outcome = await runBench(options, () => undefined);
  // A bound against a hang only: the whole harness (a tsc build, a stack, every scenario) runs here, and on a loaded
  // 2-core machine that took over five minutes once.
}, 900_000);

afterAll(() => {
  rmSync(smokeDir, { recursive: true, force: true });
});

describe('npm run bench, a tiny run (the harness end to end; the figures mean nothing)', () => {
  it('measures every scenario over HTTP without errors, and the exact checks hold', () => {
    const names = outcome.report.rows.map((row) => row.name);
    expect(names).toEqual([
      'healthz',
      'members.me',
      'members.me floor',
      'mall.list',
      'mall.list floor',
      'mall.item',
      'mall.item floor',
      'mall.redeem',
      'help.assist',
      'campaign.materialise',
      'campaign.dispatch',
      'subscribe.send raw',
      'ops.analytics.daily',
      'ops.analytics.daily floor',
      'ops.analytics.segments',
      'ops.analytics.segments floor',
      'ops.analytics.funnel',
      'ops.analytics.funnel floor',
    ]);
    for (const row of outcome.report.rows) {
      // The statuses show what an error was (a 5xx, a timeout, a refused connection) when there is one.
      const statuses = row.measurement.errors > 0 ? row.measurement.statuses : {};
      expect({ row: row.name, answered: row.measurement.requests > 0, errors: row.measurement.errors, statuses }).toEqual({ row: row.name, answered: true, errors: 0, statuses: {} });
    }
    expect(outcome.report.checks.length).toBeGreaterThanOrEqual(21);
    expect(outcome.report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(outcome.report.rows.find((row) => row.name === 'members.me')?.baseline?.name).toBe('members.me floor');
    expect(outcome.report.rows.find((row) => row.name === 'members.me')?.server?.cpuMsPerRequest).toBeGreaterThan(0);
    expect(outcome.report.rows.find((row) => row.name === 'campaign.dispatch')?.baseline?.name).toBe('subscribe.send raw');
    expect(outcome.report.rows.find((row) => row.name === 'ops.analytics.segments')?.baseline?.name).toBe('ops.analytics.segments floor');
    expect(outcome.report.checks.filter((check) => check.scenario === 'campaign.dispatch' || check.scenario === 'dashboard.query').length).toBe(8);
  });

  it('writes the JSON report and the SVG chart', () => {
    expect(JSON.parse(readFileSync(outcome.artifacts.json, 'utf8'))).toMatchObject({ version: 1, settings: { requests: 100 } });
    expect(readFileSync(outcome.artifacts.svg, 'utf8')).toContain('<svg');
    expect(outcome.table).toContain('members.me floor');
  });

  it('ran the BFFs in production mode: JSON logs, the benchmark exception announced', () => {
    const lines = readFileSync(path.join(smokeDir, 'out', 'bff-1.log'), 'utf8').trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string; env?: string });
    expect(entries.find((entry) => entry.msg === 'cakeday bff listening')?.env).toBe('production');
    expect(entries.some((entry) => entry.level === 40 && entry.msg.startsWith('BENCHMARK_ALLOW_SANDBOX=true'))).toBe(true);
    expect(entries.some((entry) => entry.msg === 'request')).toBe(true);
    expect(existsSync(path.join(smokeDir, 'out', 'bff-2.log'))).toBe(true);
  });
});
