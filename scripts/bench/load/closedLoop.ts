import { ResponseTally, type Measurement } from './measurement';

export interface ClosedLoop {
  concurrency: number;
  seconds: number;
  /** When set, exactly this many operations instead of `seconds`. */
  requests?: number;
  /** One unit of work, e.g. the database reads a route performs; n counts over all workers. */
  operation: (n: number) => Promise<void>;
}

/**
 * Runs `operation` from `concurrency` workers for a fixed time, each starting its next unit when the last one is
 * done, the way autocannon's connections drive a route: the database floor a route is compared with.
 */
export async function closedLoop(loop: ClosedLoop): Promise<Measurement> {
  const tally = new ResponseTally(() => true);
  const deadline = process.hrtime.bigint() + BigInt(Math.round(loop.seconds * 1e9));
  let sequence = 0;
  const more = (): boolean => (loop.requests === undefined ? process.hrtime.bigint() < deadline : sequence < loop.requests);
  const worker = async (): Promise<void> => {
    while (more()) {
      const startedAt = process.hrtime.bigint();
      try {
        await loop.operation((sequence += 1));
        tally.answer(200, Number(process.hrtime.bigint() - startedAt) / 1e6);
      } catch (error) {
        tally.failure(error);
      }
    }
  };
  const startedAt = process.hrtime.bigint();
  await Promise.all(Array.from({ length: loop.concurrency }, worker));
  return tally.measurement(Number(process.hrtime.bigint() - startedAt) / 1e9);
}
