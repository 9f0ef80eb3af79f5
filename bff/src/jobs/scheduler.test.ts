import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildCouponTemplate } from '../test/mallFactories';
import { buildMember } from '../test/factories';
import { issueCoupon } from '../coupons/issueCoupon';
import { CouponModel } from '../coupons/Coupon.model';
import { JobLeaseModel } from './JobLease.model';
import { jobs } from './jobs';
import { acquireLease, leaseTtlMs, runJobOnce, type Job } from './scheduler';

useTestDatabase();

const MINUTE = 60_000;
const START = new Date('2026-05-10T04:00:00.000Z');
const clock = { now: START };
const { deps } = buildTestApp({ now: () => clock.now });
let jobSeq = 0;

const at = (ms: number): Date => new Date(START.getTime() + ms);

/** A job that counts its runs; each test gets its own name, so its lease starts free. */
function countingJob(intervalMs: number, run: () => Promise<unknown> = async () => 'ok'): Job & { runs: () => number } {
  let runs = 0;
  return {
    name: `test-job-${(jobSeq += 1)}`,
    intervalMs,
    run: async () => {
      runs += 1;
      return run();
    },
    runs: () => runs,
  };
}

function signal(): { promise: Promise<void>; fire: () => void } {
  let fire: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

beforeEach(() => {
  clock.now = START;
});

describe('job leases', () => {
  it('exactly one of five concurrent holders takes a free lease, new or expired', async () => {
    const name = `test-lease-${(jobSeq += 1)}`;
    const holders = ['a', 'b', 'c', 'd', 'e'];
    const first = await Promise.all(holders.map((holder) => acquireLease(name, holder, START, MINUTE)));
    expect(first.filter((lease) => lease !== null)).toHaveLength(1);

    const afterExpiry = await Promise.all(holders.map((holder) => acquireLease(name, holder, at(MINUTE), MINUTE)));
    expect(afterExpiry.filter((lease) => lease !== null)).toHaveLength(1);
  });

  it('while the job runs, every other runner is refused, the running instance included', async () => {
    const started = signal();
    const finish = signal();
    const job = countingJob(MINUTE, async () => {
      started.fire();
      await finish.promise;
    });
    const running = runJobOnce(job, deps, 'instance-a');
    await started.promise;

    const others = await Promise.all(['instance-a', 'instance-b', 'instance-c', 'instance-d', 'instance-e'].map((holder) => runJobOnce(job, deps, holder)));
    expect(others).toEqual([false, false, false, false, false]);

    finish.fire();
    expect(await running).toBe(true);
    expect(job.runs()).toBe(1);
  });

  it('afterwards the lease is free, but the job is not due again until its interval has passed since the run started', async () => {
    // The run itself takes three minutes: the interval counts from its start.
    const job = countingJob(5 * MINUTE, async () => {
      clock.now = at(3 * MINUTE);
    });
    expect(await runJobOnce(job, deps)).toBe(true);
    expect(await runJobOnce(job, deps)).toBe(false);
    clock.now = at(5 * MINUTE - 1);
    expect(await runJobOnce(job, deps)).toBe(false);
    // Well inside the lease's TTL (10 minutes): only a released lease lets this run.
    clock.now = at(5 * MINUTE);
    expect(await runJobOnce(job, deps)).toBe(true);
    expect(job.runs()).toBe(2);
  });

  it('after its TTL, another holder takes over from a holder that never released', async () => {
    const job = countingJob(MINUTE);
    expect(await acquireLease(job.name, 'crashed-instance', START, leaseTtlMs(job))).not.toBeNull();
    clock.now = at(leaseTtlMs(job) - 1);
    expect(await runJobOnce(job, deps)).toBe(false);
    clock.now = at(leaseTtlMs(job));
    expect(await runJobOnce(job, deps)).toBe(true);
    expect(job.runs()).toBe(1);
  });

  it('a failed run is retried after a minute, then backing off, never later than the interval', async () => {
    let failing = true;
    const job = countingJob(60 * MINUTE, async () => {
      if (failing) throw new Error('database hiccup');
    });
    expect(await runJobOnce(job, deps)).toBe(true);
    clock.now = at(MINUTE - 1);
    expect(await runJobOnce(job, deps)).toBe(false);
    clock.now = at(MINUTE);
    expect(await runJobOnce(job, deps)).toBe(true); // fails again: next try two minutes later
    clock.now = at(3 * MINUTE - 1);
    expect(await runJobOnce(job, deps)).toBe(false);
    failing = false;
    clock.now = at(3 * MINUTE);
    expect(await runJobOnce(job, deps)).toBe(true); // succeeds: the full interval again
    clock.now = at(63 * MINUTE - 1);
    expect(await runJobOnce(job, deps)).toBe(false);
    clock.now = at(63 * MINUTE);
    expect(await runJobOnce(job, deps)).toBe(true);
    expect(job.runs()).toBe(4);
  });

  it('a lease stored before due times existed is due', async () => {
    const job = countingJob(MINUTE);
    await JobLeaseModel.collection.insertOne({ _id: job.name as never, holder: null, leasedUntil: at(-MINUTE), lastRunAt: at(-MINUTE), lastResult: 'ok' });
    expect(await runJobOnce(job, deps)).toBe(true);
  });
});

describe('jobs', () => {
  it('the coupon expiry job expires what is past its validity', async () => {
    const template = await buildCouponTemplate({ validDays: 0 });
    const member = await buildMember();
    const coupon = await issueCoupon({ memberId: member._id.toHexString(), templateCode: template.code, source: 'gift', sourceKey: 'x' }, clock.now);
    const expiry = jobs.find((job) => job.name === 'coupons.expire') as Job;
    await runJobOnce(expiry, deps);
    expect((await CouponModel.findById(coupon._id).lean())?.status).toBe('available');
    clock.now = new Date(coupon.validUntil.getTime() + 1);
    await runJobOnce(expiry, deps);
    expect((await CouponModel.findById(coupon._id).lean())?.status).toBe('expired');
  });
});
