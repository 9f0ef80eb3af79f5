import { dispatchDeliveries } from '../../bff/src/campaigns/dispatchDeliveries';
import { runCampaigns } from '../../bff/src/campaigns/runCampaigns';
import { loadConfig } from '../../bff/src/config/config';
import { connectDatabase } from '../../bff/src/db/database';
import { createDeps } from '../../bff/src/deps';
import { createLogger } from '../../bff/src/logger';

/** Leases name the process, so that the chaos run can tell which `sending` deliveries a kill left behind. */
export const sidecarWorkerPrefix = (pid: number): string => `chaos-dispatch:${pid}:`;

const BATCH = 25;
const MATERIALISE_BATCH = 100;
const MATERIALISE_EVERY_ROUNDS = 10;
const IDLE_MS = 250;

/**
 * The campaign engine of one chaos instance, as its own process beside the BFF and killed with it (SIGKILL): the
 * BFF's job scheduler runs campaigns.run and campaigns.dispatch at most once a minute, so an instance that lives a
 * few seconds would never dispatch. This loop does what they do, back to back, with the instance's configuration:
 * materialise running campaigns in small batches, dispatch small batches by lease. Started by runChaos with the
 * instance's environment; it runs until it is killed (SIGTERM: after its round).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await connectDatabase(config.MONGODB_URI);
  const logger = createLogger(config.LOG_LEVEL);
  const deps = createDeps(config, logger);
  let stopping = false;
  process.on('SIGTERM', () => {
    stopping = true;
  });
  for (let round = 0; !stopping; round += 1) {
    try {
      if (round % MATERIALISE_EVERY_ROUNDS === 0) await runCampaigns(deps, MATERIALISE_BATCH);
      const result = await dispatchDeliveries(deps, { workerId: `${sidecarWorkerPrefix(process.pid)}${round}`, batchSize: BATCH });
      if (result.claimed > 0) logger.info({ round, ...result }, 'chaos dispatch round');
      if (result.claimed === 0 || result.rateLimited) await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    } catch (error) {
      logger.error({ err: error, round }, 'chaos dispatch round failed');
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    }
  }
  process.exit(0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
