/** What the BFF instances' own /metrics said about a scenario: read before and after it, the difference kept. */
export interface ServerStats {
  /** CPU seconds the BFF processes used during the scenario (process_cpu_seconds_total). */
  cpuSeconds: number;
  /** Operations that waited for a pool connection, and the 99th percentile of that wait (bucket upper bound). */
  poolCheckouts: number;
  poolWaitP99Ms: number;
  /** The worst event-loop delay p99 any instance reported over the scenario. */
  eventLoopLagP99Ms: number;
}

export interface MetricsSnapshot {
  cpuSeconds: number;
  /** le -> cumulative count of cakeday_db_pool_checkout_wait_seconds. */
  poolWait: Map<number, number>;
  eventLoopLagP99Seconds: number;
}

const sample = (text: string, pattern: RegExp): number => {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : 0;
};

/** Reads the few series the bench uses from a Prometheus text exposition. */
export function parseMetrics(text: string): MetricsSnapshot {
  const poolWait = new Map<number, number>();
  for (const match of text.matchAll(/^cakeday_db_pool_checkout_wait_seconds_bucket\{le="([^"]+)"\} (\S+)$/gm)) {
    poolWait.set(match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[2]));
  }
  return {
    cpuSeconds: sample(text, /^process_cpu_seconds_total (\S+)$/m),
    poolWait,
    eventLoopLagP99Seconds: sample(text, /^nodejs_eventloop_lag_p99_seconds (\S+)$/m),
  };
}

/** The smallest bucket bound holding `fraction` of the observations between two cumulative snapshots. */
export function bucketQuantile(before: Map<number, number>, after: Map<number, number>, fraction: number): { count: number; bound: number } {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  if (total <= 0) return { count: 0, bound: 0 };
  for (const bound of bounds) {
    if ((after.get(bound) ?? 0) - (before.get(bound) ?? 0) >= fraction * total) return { count: total, bound };
  }
  return { count: total, bound: Infinity };
}

export async function scrape(metricsUrls: readonly string[]): Promise<MetricsSnapshot[]> {
  return Promise.all(metricsUrls.map(async (url) => parseMetrics(await (await fetch(url)).text())));
}

/** Sums CPU and pool waits over the instances; the lag is the worst instance's (read at the second scrape). */
export function serverStatsBetween(before: readonly MetricsSnapshot[], after: readonly MetricsSnapshot[]): ServerStats {
  let cpuSeconds = 0;
  const poolBefore = new Map<number, number>();
  const poolAfter = new Map<number, number>();
  after.forEach((snapshot, index) => {
    const earlier = before[index];
    cpuSeconds += snapshot.cpuSeconds - (earlier?.cpuSeconds ?? 0);
    for (const [bound, count] of snapshot.poolWait) poolAfter.set(bound, (poolAfter.get(bound) ?? 0) + count);
    for (const [bound, count] of earlier?.poolWait ?? []) poolBefore.set(bound, (poolBefore.get(bound) ?? 0) + count);
  });
  const wait = bucketQuantile(poolBefore, poolAfter, 0.99);
  return {
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    poolCheckouts: wait.count,
    poolWaitP99Ms: Number.isFinite(wait.bound) ? Number((wait.bound * 1000).toFixed(1)) : Infinity,
    eventLoopLagP99Ms: Number((Math.max(0, ...after.map((snapshot) => snapshot.eventLoopLagP99Seconds)) * 1000).toFixed(1)),
  };
}
