import type { Server } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { connectDatabase, disconnectDatabase } from './db/database';
import { createDeps } from './deps';
import { jobs } from './jobs/jobs';
import { startScheduler } from './jobs/scheduler';
import { createLogger } from './logger';
import { runPendingMigrations } from './db/migrations';
import { startMetricsServer, type RunningMetricsServer } from './metrics/metricsServer';
import { applyServerTimeouts } from './http/serverTimeouts';
import { createTestClock } from './testClock/testClock';
import { randomUUID } from 'node:crypto';
import { startDispatchWorkers } from './campaigns/dispatchWorker';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  if (config.BENCHMARK_ALLOW_SANDBOX) {
    logger.warn(
      { wechatApiBase: config.WECHAT_API_BASE, wechatPayApiBase: config.WECHATPAY_API_BASE, host: config.HOST },
      'BENCHMARK_ALLOW_SANDBOX=true: this BFF talks to a local WeChat sandbox over plain HTTP. For benchmarks on loopback only; never in a deployment.',
    );
  }
  await connectDatabase(config.MONGODB_URI);
  await runPendingMigrations(new Date(), logger);
  const testClock = config.TEST_CLOCK ? createTestClock() : undefined;
  if (testClock) logger.warn('TEST_CLOCK=true: /__test/clock moves this BFF\'s clock forward. For end-to-end runs only.');
  const deps = createDeps(config, logger, testClock ? { now: testClock.now, testClock } : {});
  const app = createApp(deps);
  const stopJobs = config.JOBS_ENABLED ? startScheduler(jobs, deps) : async (): Promise<void> => undefined;
  // Campaign dispatch: workers on every instance, claiming batches by lease within the global send rate.
  const stopDispatch = startDispatchWorkers(deps, `${process.pid}:${randomUUID().slice(0, 8)}`);
  let metricsServer: RunningMetricsServer | undefined;
  if (config.METRICS_PORT !== 'off') {
    metricsServer = await startMetricsServer({ host: config.METRICS_HOST, port: config.METRICS_PORT, token: config.METRICS_TOKEN });
    logger.info({ host: config.METRICS_HOST, port: metricsServer.port, token: Boolean(config.METRICS_TOKEN) }, 'metrics served at /metrics');
  }
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ host: config.HOST, port: config.PORT, env: config.NODE_ENV }, 'cakeday bff listening');
  });
  applyServerTimeouts(server, config);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing anyway');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      void Promise.all([stopJobs(), stopDispatch()])
        .then(() => metricsServer?.close())
        .then(disconnectDatabase)
        .finally(() => {
          logger.info('stopped');
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
