import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildCouponTemplate } from '../test/mallFactories';
import { buildMember } from '../test/factories';
import { issueCoupon } from '../coupons/issueCoupon';
import { CouponModel } from '../coupons/Coupon.model';
import { jobs } from './jobs';
import { runJobOnce, type Job } from './scheduler';

useTestDatabase();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') };
const { deps } = buildTestApp({ now: () => clock.now });

describe('scheduler', () => {
  it('one holder runs a job at a time: 5 concurrent runners -> 1 run', async () => {
    let runs = 0;
    let refused = 0;
    let release: () => void = () => undefined;
    let everyoneTried: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tried = new Promise<void>((resolve) => {
      everyoneTried = resolve;
    });
    // The running job is held until every runner has either started it or been refused the lease: released any
    // earlier (the clock stands still, so its lease ends "now"), a late runner would rightly take the free lease.
    const settle = (): void => {
      if (runs + refused === 5) everyoneTried();
    };
    const job: Job = { name: `test-${Date.now()}`, intervalMs: 1000, run: async () => { runs += 1; settle(); await gate; } };
    const attempts = Array.from({ length: 5 }, () =>
      runJobOnce(job, deps).then((ran) => {
        if (!ran) refused += 1;
        settle();
        return ran;
      }),
    );
    await tried;
    release();
    const ran = await Promise.all(attempts);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    expect(await runJobOnce(job, deps)).toBe(true); // released afterwards
  });

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
