import autocannon from 'autocannon';
import { ResponseTally, type Measurement } from './measurement';

export interface TimedLoad {
  /** Base URLs of the BFF instances; connections are spread evenly over them. */
  targets: readonly string[];
  path: string;
  method: 'GET' | 'POST';
  connections: number;
  seconds: number;
  /** When set, exactly this many requests (spread over the targets) instead of `seconds`: bounded by work, not time. */
  requests?: number;
  /** Headers and body of the n-th request (n counts over all targets); the same for every request when absent. */
  request?: (n: number) => { headers?: Record<string, string>; body?: string };
  headers?: Record<string, string>;
  body?: string;
  expectStatus?: (status: number) => boolean;
}

const ok = (status: number): boolean => status === 200;

/**
 * Drives the route with autocannon for a fixed time (closed loop: each connection sends its next request when the
 * last one is answered) and measures every answer of every target together. A tally passed in keeps counting
 * across calls (the measurement returned is then cumulative, timed by this call alone).
 */
export async function timedLoad(load: TimedLoad, tally: ResponseTally = new ResponseTally(load.expectStatus ?? ok)): Promise<Measurement> {
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
              ...(load.requests === undefined ? { duration: load.seconds } : { amount: Math.max(perTarget, Math.ceil(load.requests / load.targets.length)) }),
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
          instance.on('reqError', (error: unknown) => tally.failure(error));
        }),
    ),
  );
  return tally.measurement(Number(process.hrtime.bigint() - startedAt) / 1e9);
}
