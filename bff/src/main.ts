import type { Server } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { connectDatabase, disconnectDatabase } from './db/database';
import { createDeps } from './deps';
import { jobs } from './jobs/jobs';
import { startScheduler } from './jobs/scheduler';
import { createLogger } from './logger';
import { runPendingMigrations } from './db/migrations';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  await connectDatabase(config.MONGODB_URI);
  await runPendingMigrations(new Date(), logger);
  const deps = createDeps(config, logger);
  const app = createApp(deps);
  const stopJobs = config.JOBS_ENABLED ? startScheduler(jobs, deps) : async (): Promise<void> => undefined;
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ host: config.HOST, port: config.PORT, env: config.NODE_ENV }, 'cakeday bff listening');
  });

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
      void stopJobs().then(disconnectDatabase).finally(() => {
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
