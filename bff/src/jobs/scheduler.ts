import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../http/deps';
import { JobLeaseModel } from './JobLease.model';

export interface Job {
  name: string;
  intervalMs: number;
  /** Returns a small summary for the logs; must be safe to run again at any time. */
  run: (deps: AppDeps) => Promise<unknown>;
}

/** Takes the job's lease if it is free or expired; the conditional upsert lets exactly one instance win. */
export async function acquireLease(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  try {
    const lease = await JobLeaseModel.findOneAndUpdate(
      { _id: name, $or: [{ leasedUntil: { $lte: now } }, { holder }] },
      { $set: { holder, leasedUntil: new Date(now.getTime() + ttlMs) } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return lease?.holder === holder;
  } catch (error) {
    if ((error as { code?: unknown }).code === 11000) return false; // another instance holds it
    throw error;
  }
}

export async function releaseLease(name: string, holder: string, now: Date, result: string): Promise<void> {
  await JobLeaseModel.updateOne({ _id: name, holder }, { $set: { holder: null, leasedUntil: now, lastRunAt: now, lastResult: result.slice(0, 500) } });
}

/** Runs the job once if this instance gets its lease; returns whether it ran. */
export async function runJobOnce(job: Job, deps: AppDeps, holder: string = randomUUID()): Promise<boolean> {
  const ttlMs = Math.max(job.intervalMs, 60_000) * 2;
  if (!(await acquireLease(job.name, holder, deps.now(), ttlMs))) return false;
  let summary = 'ok';
  try {
    summary = JSON.stringify((await job.run(deps)) ?? null);
    deps.logger.info({ job: job.name, summary }, 'job ran');
  } catch (error) {
    summary = `failed: ${error instanceof Error ? error.message : String(error)}`;
    deps.logger.error({ job: job.name, err: error }, 'job failed');
  } finally {
    await releaseLease(job.name, holder, deps.now(), summary);
  }
  return true;
}

/** Starts every job on its interval; the returned function stops them (and waits for runs in flight). */
export function startScheduler(jobs: readonly Job[], deps: AppDeps): () => Promise<void> {
  const holder = randomUUID();
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      const run = runJobOnce(job, deps, holder).catch((error: unknown) => deps.logger.error({ job: job.name, err: error }, 'job lease failed'));
      running.add(run);
      void run.finally(() => running.delete(run));
    }, job.intervalMs),
  );
  return async () => {
    timers.forEach((timer) => clearInterval(timer));
    await Promise.allSettled([...running]);
  };
}
