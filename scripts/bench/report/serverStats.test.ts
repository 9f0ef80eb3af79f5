import { bucketQuantile, parseMetrics, serverStatsBetween } from './serverStats';

const exposition = (cpu: number, buckets: [string, number][], lag: number): string =>
  [
    '# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.',
    `process_cpu_seconds_total ${cpu}`,
    ...buckets.map(([le, count]) => `cakeday_db_pool_checkout_wait_seconds_bucket{le="${le}"} ${count}`),
    `nodejs_eventloop_lag_p99_seconds ${lag}`,
  ].join('\n');

describe('reading the BFFs\' metrics around a measurement', () => {
  it('takes CPU, pool waits and loop lag as differences between two scrapes, summed over instances', () => {
    const before = [parseMetrics(exposition(10, [['0.001', 100], ['0.01', 100], ['+Inf', 100]], 0.01)), parseMetrics(exposition(5, [['0.001', 0], ['0.01', 0], ['+Inf', 0]], 0.01))];
    const after = [parseMetrics(exposition(12.5, [['0.001', 190], ['0.01', 200], ['+Inf', 200]], 0.02)), parseMetrics(exposition(6, [['0.001', 98], ['0.01', 100], ['+Inf', 100]], 0.05))];
    expect(serverStatsBetween(before, after)).toEqual({ cpuSeconds: 3.5, poolCheckouts: 200, poolWaitP99Ms: 10, eventLoopLagP99Ms: 50 });
  });

  it('finds the bucket holding the quantile, Infinity past the last bound, nothing when nothing happened', () => {
    const none = new Map([[0.1, 0], [Infinity, 0]]);
    expect(bucketQuantile(none, new Map([[0.1, 50], [Infinity, 100]]), 0.99)).toEqual({ count: 100, bound: Infinity });
    expect(bucketQuantile(none, none, 0.99)).toEqual({ count: 0, bound: 0 });
  });
});
