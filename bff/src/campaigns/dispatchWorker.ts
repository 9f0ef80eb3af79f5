import { EventEmitter } from 'node:events';
import type { AppDeps } from '../http/deps';
import { dispatchDeliveries, type DispatchResult } from './dispatchDeliveries';

export interface DispatchWorkerOptions {
  /** Names this worker's leases (instance + worker number); each round adds its own count. */
  workerId: string;
  batchSize?: number;
  leaseMs?: number;
  /** How long an idle worker waits before it looks again (nothing due). */
  idleMs?: number;
  /** How long a failed round (the database away) waits before the next. */
  errorBackoffMs?: number;
}

export interface DispatchWorker {
  /** Resolves with the next round's result that matches (any round by default). */
  nextRound(matching?: (result: DispatchResult) => boolean): Promise<DispatchResult>;
  /** Stops looking for work, cuts a pause short and waits for the round in flight: its claimed deliveries are settled or released. */
  stop(): Promise<void>;
  readonly rounds: number;
}

/** A pause that `signal` cuts short; its timer never keeps the process alive. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * One instance's dispatch worker: round after round it claims a batch of due deliveries by lease and sends them
 * (dispatchDeliveries). Busy, it goes straight on; when the second's global send rate is used up (shared by every
 * instance through campaign_send_rate) it waits for the next second; with nothing due it waits `idleMs`. Every BFF
 * instance runs CAMPAIGN_DISPATCH_WORKERS of them, so a campaign's throughput grows with instances up to the global
 * rate, instead of one job run a minute on one instance.
 */
export function startDispatchWorker(deps: AppDeps, options: DispatchWorkerOptions): DispatchWorker {
  const events = new EventEmitter();
  const stopping = new AbortController();
  let rounds = 0;
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let result: DispatchResult;
      try {
        result = await dispatchDeliveries(deps, { workerId: `${options.workerId}:${rounds}`, batchSize: options.batchSize ?? 100, leaseMs: options.leaseMs });
      } catch (error) {
        deps.logger.error({ err: error, worker: options.workerId }, 'campaign dispatch round failed');
        rounds += 1;
        await pause(options.errorBackoffMs ?? 5000, stopping.signal);
        continue;
      }
      rounds += 1;
      events.emit('round', result);
      if (result.rateLimited) await pause(1000 - (deps.now().getTime() % 1000), stopping.signal);
      else if (result.claimed === 0) await pause(options.idleMs ?? 2000, stopping.signal);
    }
  })();
  return {
    nextRound: (matching = () => true) =>
      new Promise((resolve) => {
        const listener = (result: DispatchResult): void => {
          if (!matching(result)) return;
          events.off('round', listener);
          resolve(result);
        };
        events.on('round', listener);
      }),
    stop: async () => {
      stopping.abort();
      await loop;
    },
    get rounds() {
      return rounds;
    },
  };
}

/** This instance's workers (CAMPAIGN_DISPATCH_WORKERS); the returned function stops them all and waits for their rounds. */
export function startDispatchWorkers(deps: AppDeps, instanceId: string): () => Promise<void> {
  const workers = Array.from({ length: deps.config.CAMPAIGN_DISPATCH_WORKERS }, (_, index) => startDispatchWorker(deps, { workerId: `${instanceId}:w${index}` }));
  return async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
  };
}
