import { parseArgs } from 'node:util';
import type { Thresholds } from './report/compare';

export interface BenchOptions {
  seconds: number;
  /** Each timed measurement makes exactly this many requests instead of lasting `seconds` (none: timed). */
  requests?: number;
  warmupSeconds: number;
  scale: number;
  /** Scenario names to run (the ceiling always runs); empty: all. */
  only: string[];
  profile: boolean;
  outDir: string;
  thresholds: Thresholds;
  failOnRegression: boolean;
  /** The BFF entry to run (default bff/dist/main.js): another build, for an A/B comparison. */
  bffEntry?: string;
}

const number = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`bench: --${name} must be a positive number`);
  return parsed;
};

export const USAGE = `npm run bench [-- options]
  --seconds N            each timed measurement (default 8)
  --requests N           each measurement makes exactly N requests instead (bounded by work: a smoke run)
  --warmup N             uncounted seconds before each timed route measurement (default 2)
  --scale F              scales request counts and data (default 1; the smoke test uses 0.05)
  --only a,b             only these scenarios (and the healthz ceiling, unless profiling)
  --profile              run the BFFs with --cpu-prof and summarise the top frames (with --only: those alone)
  --out DIR              where the report goes (default .artifacts/bench)
  --threshold-rps F      a requests/s drop beyond this fraction is a regression (default 0.15)
  --threshold-p99 F      a p99 rise beyond this fraction is a regression (default 0.3)
  --fail-on-regression   exit non-zero on a regression (checks failing always do)
  --bff FILE             the BFF entry to run (default bff/dist/main.js), e.g. a copy of another build`;

export function parseBenchOptions(argv: readonly string[], defaultOutDir: string): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seconds: { type: 'string' },
      requests: { type: 'string' },
      warmup: { type: 'string' },
      scale: { type: 'string' },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      out: { type: 'string' },
      'threshold-rps': { type: 'string' },
      'threshold-p99': { type: 'string' },
      'fail-on-regression': { type: 'boolean', default: false },
      bff: { type: 'string' },
    },
    strict: true,
  });
  return {
    seconds: number(values.seconds, 8, 'seconds'),
    requests: values.requests === undefined ? undefined : number(values.requests, 0, 'requests'),
    warmupSeconds: values.warmup === '0' ? 0 : number(values.warmup, 2, 'warmup'),
    scale: number(values.scale, 1, 'scale'),
    only: (values.only ?? '').split(',').map((name) => name.trim()).filter(Boolean),
    profile: values.profile ?? false,
    outDir: values.out ?? defaultOutDir,
    thresholds: { throughput: number(values['threshold-rps'], 0.15, 'threshold-rps'), p99: number(values['threshold-p99'], 0.3, 'threshold-p99') },
    failOnRegression: values['fail-on-regression'] ?? false,
    bffEntry: values.bff,
  };
}
