import { businessInstant, type LifecycleStage, type TierLevel } from '@cakeday/shared';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { MemberDayModel } from './MemberDay.model';
import { MemberStatsModel } from './MemberStats.model';
import { MEMBER_DAYS_BACKFILL, snapshotMemberDays } from './snapshotMemberDays';

useTestDatabase();
const clock = { now: businessInstant('2026-11-29T10:00:00') };
const app = buildTestApp({ now: () => clock.now });

/** A member of `tier` who joined at `joinedAt` (Shanghai wall clock), with the stage the segment job gave them. */
async function craftMember(tier: TierLevel, joinedAt: string, stage: LifecycleStage | null): Promise<void> {
  const createdAt = businessInstant(joinedAt);
  const member = await buildMember({ createdAt, tier: { level: tier, since: createdAt, reviewedAt: null } });
  if (stage === null) return;
  await MemberStatsModel.create({ _id: member._id, joinedAt: createdAt, lastActiveAt: createdAt, stage, segmentedAt: createdAt, segmentedWithVersion: 1, reviewAt: null });
}

const zeroStages = { new: 0, active: 0, silent: 0, at_risk: 0, lost: 0, pending: 0 };
const dayOf = async (day: string) => MemberDayModel.findById(day).lean();

describe('members by tier and lifecycle stage, one snapshot a business day', () => {
  it('counts crafted members by tier and stage; missed days are filled in from join dates (Shanghai days), flagged estimated', async () => {
    await craftMember('basic', '2026-11-01T12:00:00', 'active');
    await craftMember('basic', '2026-11-01T13:00:00', 'new');
    await craftMember('gold', '2026-11-28T12:00:00', 'lost');
    // 07:00 in Shanghai on the 29th is still the 28th in UTC: it counts from the 29th.
    await craftMember('diamond', '2026-11-29T07:00:00', null);
    await buildMember({ status: 'deleted', createdAt: businessInstant('2026-11-02T12:00:00') });

    const run = await snapshotMemberDays(clock.now);
    expect(run.day).toBe('2026-11-29');
    expect(run.backfilled).toHaveLength(28);
    expect(await dayOf('2026-11-29')).toMatchObject({ members: 4, tiers: { basic: 2, gold: 1, diamond: 1 }, stages: { ...zeroStages, active: 1, new: 1, lost: 1, pending: 1 }, estimated: false });
    expect(await dayOf('2026-11-28')).toMatchObject({ members: 3, tiers: { basic: 2, gold: 1, diamond: 0 }, stages: { ...zeroStages, active: 1, new: 1, lost: 1 }, estimated: true });
    expect(await dayOf('2026-11-01')).toMatchObject({ members: 2, tiers: { basic: 2, gold: 0, diamond: 0 }, estimated: true });
    // Nothing before the first member joined.
    expect(await dayOf('2026-10-31')).toBeNull();

    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const response = await app.http.post('/api/ops.analytics.members').set('Cookie', analyst).send({ from: '2026-10-31', to: '2026-11-29' });
    expect(response.status).toBe(200);
    expect(response.body.days).toHaveLength(29);
    expect(response.body.days[0]).toEqual({ day: '2026-11-01', members: 2, tiers: { basic: 2, gold: 0, diamond: 0 }, stages: { ...zeroStages, active: 1, new: 1 }, estimated: true });
    expect(response.body.days.at(-1)).toEqual({ day: '2026-11-29', members: 4, tiers: { basic: 2, gold: 1, diamond: 1 }, stages: { ...zeroStages, active: 1, new: 1, lost: 1, pending: 1 }, estimated: false });

    const csv = await app.http.post('/api/ops.analytics.membersExport').set('Cookie', analyst).send({ from: '2026-11-28', to: '2026-11-29' });
    expect(csv.status).toBe(200);
    expect((csv.text as string).replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      '日期,会员数,普卡,金卡,钻石卡,新会员,活跃,沉睡,濒临流失,已流失,待计算,估算',
      '2026-11-28,3,2,1,0,1,1,0,0,1,0,是',
      '2026-11-29,4,2,1,1,1,1,0,0,1,1,否',
    ]);
  });

  it('a re-run the same day overwrites the day’s counts (never adds to them); an older count never replaces a newer one', async () => {
    const documents = await MemberDayModel.countDocuments({});
    await craftMember('gold', '2026-11-29T09:00:00', 'new');
    await snapshotMemberDays(clock.now);
    await snapshotMemberDays(clock.now);
    expect(await dayOf('2026-11-29')).toMatchObject({ members: 5, tiers: { basic: 2, gold: 2, diamond: 1 }, stages: { ...zeroStages, active: 1, new: 2, lost: 1, pending: 1 } });
    expect(await MemberDayModel.countDocuments({})).toBe(documents);
    // A run that read the members earlier and writes late (a slow instance) leaves the newer count alone.
    await craftMember('basic', '2026-11-29T09:30:00', null);
    await snapshotMemberDays(businessInstant('2026-11-29T08:00:00'));
    expect((await dayOf('2026-11-29'))?.members).toBe(5);
    // A missed day filled in earlier is not written over by a later run either.
    expect(await dayOf('2026-11-28')).toMatchObject({ members: 3, estimated: true });
  });

  it('a crash between two days’ snapshots is repaired by the next run: the missed day is filled in, the real ones kept', async () => {
    clock.now = businessInstant('2026-11-30T10:00:00');
    await snapshotMemberDays(clock.now);
    // The job does not run on 12-01; on 12-02 it crashes after today's snapshot, before filling in the gap.
    clock.now = businessInstant('2026-12-02T10:00:00');
    const crash = new Error('crash after today');
    await expect(
      snapshotMemberDays(clock.now, {
        afterToday: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await dayOf('2026-12-01')).toBeNull();

    const repaired = await snapshotMemberDays(businessInstant('2026-12-02T11:00:00'));
    expect(repaired.backfilled).toEqual(['2026-12-01']);
    expect(await dayOf('2026-12-01')).toMatchObject({ members: 6, estimated: true });
    expect(await dayOf('2026-11-30')).toMatchObject({ members: 6, estimated: false });
    expect(await dayOf('2026-12-02')).toMatchObject({ members: 6, estimated: false });
  });

  it('fills in at most the last MEMBER_DAYS_BACKFILL days after a long outage', async () => {
    const run = await snapshotMemberDays(businessInstant('2027-02-15T10:00:00'));
    expect(run.backfilled).toHaveLength(MEMBER_DAYS_BACKFILL);
    expect(run.backfilled[0]).toBe('2027-01-15');
    expect(await dayOf('2027-01-15')).toMatchObject({ estimated: true });
    expect(await dayOf('2027-01-14')).toBeNull();
  });

  it('a first read of the day with no snapshot yet counts once; the page reads snapshots afterwards', async () => {
    clock.now = businessInstant('2027-02-16T09:00:00');
    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const read = () => app.http.post('/api/ops.analytics.members').set('Cookie', analyst).send({ from: '2027-02-15', to: '2027-02-16' });
    const [first, second] = await Promise.all([read(), read()]);
    expect(first.body.days.map((day: { day: string }) => day.day)).toEqual(['2027-02-15', '2027-02-16']);
    expect(second.body).toEqual(first.body);
    const takenAt = (await dayOf('2027-02-16'))?.takenAt;
    await craftMember('basic', '2027-02-16T08:00:00', null);
    expect((await read()).body.days[1].members).toBe(6);
    expect((await dayOf('2027-02-16'))?.takenAt).toEqual(takenAt);
  });
});
