import { businessInstant } from '@cakeday/shared';
import { consumeEvents, EVENT_SETTLE_MS } from '../events/consumeEvents';
import { recordEvent } from '../events/recordEvent';
import { jobs } from '../jobs/jobs';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { saveTestSettings } from '../test/settings';
import { analyticsConsumer } from './analyticsConsumer';
import { MemberStatsModel } from './MemberStats.model';

useTestDatabase();

const at = businessInstant;
const clock = { now: at('2026-05-31T22:00:00') };
const app = buildTestApp({ now: () => clock.now });
const segmentJob = jobs.find((job) => job.name === 'analytics.segments');
const runSegmentJob = async (now: Date) => {
  clock.now = now;
  if (!segmentJob) throw new Error('analytics.segments is not a job');
  return segmentJob.run(app.deps);
};

/** The dashboard's segment sizes, read by an analyst signed in at the test's clock. */
async function segmentSizes() {
  const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  return (await app.http.post('/api/ops.analytics.segments').set('Cookie', analyst).send({})).body;
}
const ids: Record<'regular' | 'newcomer' | 'gone', string> = { regular: '', newcomer: '', gone: '' };
const stageOf = async (name: keyof typeof ids) => (await MemberStatsModel.findById(ids[name]).lean())?.stage;

beforeAll(async () => {
  ids.regular = (await buildMember({ createdAt: at('2025-01-10T10:00:00') }))._id.toHexString();
  ids.newcomer = (await buildMember({ createdAt: at('2026-05-20T10:00:00') }))._id.toHexString();
  ids.gone = (await buildMember({ createdAt: at('2024-02-01T10:00:00') }))._id.toHexString();
  const recordedAt = at('2026-05-31T21:00:00');
  // Paid 89 calendar days before 31 May, late at night: 90 days from 1 June 00:00 in Shanghai.
  await recordEvent({ type: 'order.paid', key: 'order.paid:r1', at: at('2026-03-03T23:46:00'), memberId: ids.regular, subject: { type: 'order', id: 'r1' }, props: { cashFen: 50_000 } }, recordedAt);
  await recordEvent({ type: 'member.joined', key: `member.joined:${ids.newcomer}`, at: at('2026-05-20T10:00:00'), memberId: ids.newcomer }, recordedAt);
  await recordEvent({ type: 'benefit.claimed', key: 'benefit.claimed:g1', at: at('2025-05-01T10:00:00'), memberId: ids.gone }, recordedAt);
  await consumeEvents(analyticsConsumer, { now: new Date(recordedAt.getTime() + EVENT_SETTLE_MS + 1) });
});

describe('the segment job', () => {
  it('gives every member with new activity a lifecycle stage and RFM scores, and the dashboard their sizes', async () => {
    expect(await runSegmentJob(at('2026-05-31T23:59:00'))).toEqual({ segmented: 3 });
    expect([await stageOf('regular'), await stageOf('newcomer'), await stageOf('gone')]).toEqual(['active', 'new', 'lost']);
    expect((await MemberStatsModel.findById(ids.regular).lean())?.rfm).toEqual({ recencyDays: 89, frequency: 1, monetaryFen: 50_000, r: 3, f: 1, m: 3 });

    const body = await segmentSizes();
    expect(body.stages).toEqual([
      { stage: 'new', members: 1 },
      { stage: 'active', members: 1 },
      { stage: 'silent', members: 0 },
      { stage: 'at_risk', members: 0 },
      { stage: 'lost', members: 1 },
    ]);
    expect(body.rfm.r).toEqual([0, 1, 2, 3, 4, 5].map((score) => ({ score, members: score === 0 ? 2 : score === 3 ? 1 : 0 })));
    expect(body).toMatchObject({ members: 3, pending: 0, segmentedAt: '2026-05-31T23:59:00+08:00' });
  });

  it('looks again only at members a threshold reached by time: at midnight in Shanghai the regular turns silent', async () => {
    expect(await runSegmentJob(at('2026-06-01T00:10:00'))).toEqual({ segmented: 1 });
    expect(await stageOf('regular')).toBe('silent');
    expect(await runSegmentJob(at('2026-06-01T08:00:00'))).toEqual({ segmented: 0 });
    // The regular's R falls to 2 on 2 June (91 days); the newcomer's 30 days are up on 19 June (joined 20 May).
    expect(await runSegmentJob(at('2026-06-18T23:59:00'))).toEqual({ segmented: 1 });
    expect((await MemberStatsModel.findById(ids.regular).lean())?.rfm?.r).toBe(2);
    expect(await stageOf('newcomer')).toBe('new');
    expect(await runSegmentJob(at('2026-06-19T00:00:00'))).toEqual({ segmented: 1 });
    expect(await stageOf('newcomer')).toBe('active');
  });

  it('computes everyone again under a new settings version', async () => {
    clock.now = at('2026-06-19T09:00:00');
    await saveTestSettings(app.deps, { marketing: { silentAfterDays: 120 } });
    expect(await runSegmentJob(at('2026-06-19T10:00:00'))).toEqual({ segmented: 3 });
    expect(await stageOf('regular')).toBe('active');
  });

  it('new activity makes a member due at once', async () => {
    await recordEvent({ type: 'birthday.set', key: 'birthday.set:gone', at: at('2026-06-19T10:30:00'), memberId: ids.gone }, at('2026-06-19T10:30:00'));
    await consumeEvents(analyticsConsumer, { now: at('2026-06-19T10:31:00') });
    expect(await runSegmentJob(at('2026-06-19T10:32:00'))).toEqual({ segmented: 1 });
    expect(await stageOf('gone')).toBe('active');
  });

  it("the dashboard reads the sizes the job's last run counted: a newcomer's stats count from the next run", async () => {
    const newcomer = (await buildMember({ createdAt: at('2026-06-19T11:00:00') }))._id.toHexString();
    await recordEvent({ type: 'member.joined', key: `member.joined:${newcomer}`, at: at('2026-06-19T11:00:00'), memberId: newcomer }, at('2026-06-19T11:00:00'));
    await consumeEvents(analyticsConsumer, { now: at('2026-06-19T11:01:00') });
    clock.now = at('2026-06-19T11:02:00');
    expect(await segmentSizes()).toMatchObject({ members: 3, pending: 0, segmentedAt: '2026-06-19T10:32:00+08:00' });

    expect(await runSegmentJob(at('2026-06-19T11:03:00'))).toEqual({ segmented: 1 });
    const body = await segmentSizes();
    expect(body).toMatchObject({ members: 4, pending: 0, segmentedAt: '2026-06-19T11:03:00+08:00' });
    expect(body.stages.find((stage: { stage: string }) => stage.stage === 'new')).toEqual({ stage: 'new', members: 1 });
  });
});
