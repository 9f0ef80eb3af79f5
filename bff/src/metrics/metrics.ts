import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one registry: a BFF process is one instance, and Prometheus scrapes each instance on its metrics
 * port. Labels are bounded sets (route names from the table, job names, WeChat endpoints, error codes), never ids.
 */
export const metricsRegistry = new Registry();

const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequests = new Counter({
  name: 'cakeday_http_requests_total',
  help: 'HTTP requests answered, by route name (the route table name, or the path pattern of the few others) and status',
  labelNames: ['route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'cakeday_http_request_duration_seconds',
  help: 'Time from receiving a request to its answer, by route name',
  labelNames: ['route'] as const,
  buckets: LATENCY_BUCKETS_SECONDS,
  registers: [metricsRegistry],
});

export const httpErrors = new Counter({
  name: 'cakeday_http_errors_total',
  help: 'Error answers by route name and stable error code (4xx refusals and 5xx failures)',
  labelNames: ['route', 'code'] as const,
  registers: [metricsRegistry],
});

export const jobRuns = new Counter({
  name: 'cakeday_job_runs_total',
  help: 'Scheduled job runs on this instance, by job and outcome (ok | failed)',
  labelNames: ['job', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'cakeday_job_duration_seconds',
  help: 'How long a scheduled job run took, by job',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metricsRegistry],
});

export const wechatCalls = new Counter({
  name: 'cakeday_wechat_calls_total',
  help: 'Calls to WeChat (api.weixin.qq.com) by endpoint, outcome (ok | errcode | unavailable) and errcode',
  labelNames: ['endpoint', 'outcome', 'errcode'] as const,
  registers: [metricsRegistry],
});

export const wechatCallDuration = new Histogram({
  name: 'cakeday_wechat_call_duration_seconds',
  help: 'Time a WeChat call took, by endpoint',
  labelNames: ['endpoint'] as const,
  buckets: LATENCY_BUCKETS_SECONDS,
  registers: [metricsRegistry],
});

export const wechatPayCalls = new Counter({
  name: 'cakeday_wechatpay_calls_total',
  help: 'Calls to WeChat Pay v3 by operation, outcome (ok | error | unavailable) and WeChat Pay error code',
  labelNames: ['operation', 'outcome', 'errcode'] as const,
  registers: [metricsRegistry],
});

export const wechatPayCallDuration = new Histogram({
  name: 'cakeday_wechatpay_call_duration_seconds',
  help: 'Time a WeChat Pay call took, by operation',
  labelNames: ['operation'] as const,
  buckets: LATENCY_BUCKETS_SECONDS,
  registers: [metricsRegistry],
});

export const payNotifications = new Counter({
  name: 'cakeday_pay_notifications_total',
  help: 'WeChat Pay notifications received, by verdict (rejected, unknown_order, ignored, or the order status they led to)',
  labelNames: ['verdict'] as const,
  registers: [metricsRegistry],
});

export const dbPoolConnections = new Gauge({
  name: 'cakeday_db_pool_connections',
  help: 'MongoDB driver pool connections of this instance, by state (open | in_use)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});

export const dbPoolMaxConnections = new Gauge({
  name: 'cakeday_db_pool_max_connections',
  help: 'The pool size limit per server (maxPoolSize)',
  registers: [metricsRegistry],
});

export const dbPoolCheckoutWait = new Histogram({
  name: 'cakeday_db_pool_checkout_wait_seconds',
  help: 'How long an operation waited for a pool connection',
  buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  registers: [metricsRegistry],
});

export const dbPoolCheckoutFailures = new Counter({
  name: 'cakeday_db_pool_checkout_failures_total',
  help: 'Operations that got no pool connection, by reason (timeout, poolClosed, connectionError)',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});

/** Seconds since a process.hrtime.bigint() reading. */
export function secondsSince(startedAt: bigint): number {
  return Number(process.hrtime.bigint() - startedAt) / 1e9;
}
