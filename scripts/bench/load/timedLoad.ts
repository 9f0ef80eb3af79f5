import autocannon from 'autocannon';
import { ResponseTally, type Measurement } from './measurement';

export interface TimedLoad {
  /** Base URLs of the BFF instances; connections are spread evenly over them. */
  targets: readonly string[];
  path: string;
  method: 'GET' | 'POST';
  connections: number;
  seconds: number;
  /** Headers and body of the n-th request (n counts over all targets); the same for every request when absent. */
  request?: (n: number) => { headers?: Record<string, string>; body?: string };
  headers?: Record<string, string>;
  body?: string;
  expectStatus?: (status: number) => boolean;
  /** A first pass of this many seconds whose answers are not counted (JIT, pools and caches warm up). */
  warmupSeconds?: number;
}

const ok = (status: number): boolean => status === 200;

/**
 * Drives the route with autocannon for a fixed time (closed loop: each connection sends its next request when the
 * last one is answered) and measures every answer of every target together.
 */
export async function timedLoad(load: TimedLoad): Promise<Measurement> {
  if (load.warmupSeconds) await timedLoad({ ...load, seconds: load.warmupSeconds, warmupSeconds: 0 });
  const tally = new ResponseTally(load.expectStatus ?? ok);
  let sequence = 0;
  const perTarget = Math.max(1, Math.floor(load.connections / load.targets.length));
  const startedAt = process.hrtime.bigint();
  await Promise.all(
    load.targets.map(
      (target) =>
        new Promise<void>((resolve, reject) => {
          const instance = autocannon(
            {
              url: target,
              connections: perTarget,
              duration: load.seconds,
              timeout: 30,
              requests: [
                {
                  method: load.method,
                  path: load.path,
                  setupRequest: (request) => {
                    const next = load.request?.((sequence += 1)) ?? {};
                    return {
                      ...request,
                      headers: { 'content-type': 'application/json', ...load.headers, ...next.headers },
                      body: next.body ?? load.body,
                    };
                  },
                },
              ],
            },
            (error) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve()),
          );
          instance.on('response', (_client, status, _bytes, responseTime) => tally.answer(status, responseTime));
          instance.on('reqError', () => tally.failure());
        }),
    ),
  );
  return tally.measurement(Number(process.hrtime.bigint() - startedAt) / 1e9);
}
