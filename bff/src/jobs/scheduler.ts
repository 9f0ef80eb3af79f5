import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../http/deps';
import { jobDuration, jobRuns, secondsSince } from '../metrics/metrics';
import { JobLeaseModel, type JobLease } from './JobLease.model';

export interface Job {
  name: string;
  /** The job runs at most once per interval across all instances, measured from the start of a run. */
  intervalMs: number;
  /** Returns a small summary for the logs; must be safe to run again at any time. */
  run: (deps: AppDeps) => Promise<unknown>;
}

const MINUTE = 60_000;
/** How often each instance asks whether a job is due: a due job starts at most this late. */
const POLL_MS = 15_000;

/** How long a holder may keep the lease: past it the holder counts as crashed and another instance takes over. */
export function leaseTtlMs(job: Pick<Job, 'intervalMs'>): number {
  return Math.max(job.intervalMs, MINUTE) * 2;
}

/**
 * A failed run is retried after a minute, doubling with each failure in a row and never later than the interval:
 * an hourly job is not left broken for an hour by one hiccup, and a job that keeps failing does not hammer.
 */
export function retryDelayMs(job: Pick<Job, 'intervalMs'>, failedRuns: number): number {
  return Math.min(job.intervalMs, MINUTE * 2 ** Math.max(0, failedRuns - 1));
}

/**
 * Takes the job's lease when the job is due and no live lease is held; the conditional update lets exactly one
 * instance win. Returns the lease taken, or null.
 */
export async function acquireLease(name: string, holder: string, now: Date, ttlMs: number): Promise<JobLease | null> {
  const take = async (): Promise<JobLease | null> =>
    JobLeaseModel.findOneAndUpdate(
      { _id: name, leasedUntil: { $lte: now }, $or: [{ nextRunAt: { $lte: now } }, { nextRunAt: null }] },
      { $set: { holder, leasedUntil: new Date(now.getTime() + ttlMs) } },
      { returnDocument: 'after' },
    ).lean();
  const lease = await take();
  if (lease) return lease;
  // Held, not due, or never run: only the last creates the lease document, free and due (no upsert on the take,
  // whose refusals would all be duplicate-key errors).
  if (!(await createLease(name))) return null;
  return take();
}

async function createLease(name: string): Promise<boolean> {
  try {
    const created = await JobLeaseModel.updateOne(
      { _id: name },
      { $setOnInsert: { holder: null, leasedUntil: new Date(0), nextRunAt: null } },
      { upsert: true },
    );
    return created.upsertedCount > 0;
  } catch (error) {
    if ((error as { code?: unknown }).code === 11000) return true; // another instance created it just now
    throw error;
  }
}

export interface RunOutcome {
  startedAt: Date;
  finishedAt: Date;
  nextRunAt: Date;
  result: string;
  failedRuns: number;
}

/** Frees the lease (if this holder still has it) and records when the job is due again. */
export async function releaseLease(name: string, holder: string, outcome: RunOutcome): Promise<void> {
  await JobLeaseModel.updateOne(
    { _id: name, holder },
    {
      $set: {
        holder: null,
        leasedUntil: outcome.finishedAt,
        nextRunAt: outcome.nextRunAt,
        lastRunAt: outcome.startedAt,
        lastResult: outcome.result.slice(0, 500),
        failedRuns: outcome.failedRuns,
      },
    },
  );
}

/** Runs the job if it is due and its lease is free (on any instance); returns whether it ran. */
export async function runJobOnce(job: Job, deps: AppDeps, holder: string = randomUUID()): Promise<boolean> {
  const startedAt = deps.now();
  const lease = await acquireLease(job.name, holder, startedAt, leaseTtlMs(job));
  if (!lease) return false;
  let result = 'ok';
  let failedRuns = 0;
  const timer = process.hrtime.bigint();
  try {
    result = JSON.stringify((await job.run(deps)) ?? null);
    deps.logger.info({ job: job.name, summary: result }, 'job ran');
  } catch (error) {
    failedRuns = (lease.failedRuns ?? 0) + 1;
    result = `failed: ${error instanceof Error ? error.message : String(error)}`;
    deps.logger.error({ job: job.name, err: error, failedRuns }, 'job failed');
  } finally {
    jobRuns.inc({ job: job.name, outcome: failedRuns > 0 ? 'failed' : 'ok' });
    jobDuration.observe({ job: job.name }, secondsSince(timer));
    const delayMs = failedRuns > 0 ? retryDelayMs(job, failedRuns) : job.intervalMs;
    const nextRunAt = new Date(startedAt.getTime() + delayMs);
    await releaseLease(job.name, holder, { startedAt, finishedAt: deps.now(), nextRunAt, result, failedRuns });
  }
  return true;
}

/** Polls every job and runs those that are due; the returned function stops polling (and waits for runs in flight). */
export function startScheduler(jobs: readonly Job[], deps: AppDeps): () => Promise<void> {
  const holder = randomUUID();
  const running = new Map<string, Promise<unknown>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      if (running.has(job.name)) return; // still running here: the lease would refuse anyway
      const run = runJobOnce(job, deps, holder)
        .catch((error: unknown) => deps.logger.error({ job: job.name, err: error }, 'job lease failed'))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }, Math.min(job.intervalMs, POLL_MS)),
  );
  return async () => {
    timers.forEach((timer) => clearInterval(timer));
    await Promise.allSettled([...running.values()]);
  };
}
