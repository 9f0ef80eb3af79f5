/** What one load run measured: throughput, latency percentiles (ms), errors and the statuses answered. */
export interface Measurement {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Network errors, timeouts and answers with a status the scenario did not expect. */
  errors: number;
  statuses: Record<string, number>;
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** Sums up one run from its latency samples (ms), its wall time and what it counted. */
export function summarise(latenciesMs: readonly number[], seconds: number, statuses: Record<string, number>, errors: number): Measurement {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    seconds: round(seconds, 2),
    requestsPerSecond: seconds > 0 ? round(sorted.length / seconds, 1) : 0,
    latencyMs: {
      p50: round(percentile(sorted, 0.5), 2),
      p95: round(percentile(sorted, 0.95), 2),
      p99: round(percentile(sorted, 0.99), 2),
      max: round(sorted[sorted.length - 1] ?? 0, 2),
    },
    errors,
    statuses,
  };
}

/** Counts answers by status, and the ones the scenario did not expect as errors. */
export class ResponseTally {
  readonly latenciesMs: number[] = [];
  readonly statuses: Record<string, number> = {};
  errors = 0;

  constructor(private readonly expected: (status: number) => boolean) {}

  answer(status: number, latencyMs: number): void {
    this.latenciesMs.push(latencyMs);
    this.statuses[String(status)] = (this.statuses[String(status)] ?? 0) + 1;
    if (!this.expected(status)) this.errors += 1;
  }

  /** A request that got no answer, counted under its cause (`failed: ECONNRESET`, `failed: timed out`). */
  failure(error: unknown): void {
    this.errors += 1;
    const cause = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
    const key = `failed: ${cause}`;
    this.statuses[key] = (this.statuses[key] ?? 0) + 1;
  }

  measurement(seconds: number): Measurement {
    return summarise(this.latenciesMs, seconds, this.statuses, this.errors);
  }
}
