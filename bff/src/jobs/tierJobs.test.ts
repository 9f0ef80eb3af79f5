import type { TierLevel } from '@cakeday/shared';
import { MemberModel, type Member } from '../members/Member.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { recordPaidSpend } from '../tiers/recordPaidSpend';
import { jobs } from './jobs';
import { runJobOnce } from './scheduler';

useTestDatabase();
const shanghai = (iso: string): Date => new Date(`${iso}+08:00`);
const clock = { now: shanghai('2024-05-10T20:00:00') };
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ now: () => clock.now });
});

/** Runs tiers.review through the scheduler's lease at the given Shanghai time; returns its summary. */
async function reviewAt(iso: string): Promise<{ examined: number; reviewed: number; lowered: number }> {
  clock.now = shanghai(iso);
  const job = jobs.find((candidate) => candidate.name === 'tiers.review');
  if (!job) throw new Error('no tiers.review job');
  let summary: unknown;
  expect(await runJobOnce({ ...job, run: async (deps) => (summary = await job.run(deps)) }, app.deps)).toBe(true);
  return summary as { examined: number; reviewed: number; lowered: number };
}

/** ¥600 paid (above gold's ¥500) through the command orders use. */
async function paid(member: Member, iso: string): Promise<void> {
  const at = shanghai(iso);
  await recordPaidSpend(
    { memberId: member._id.toHexString(), amountFen: 60_000, idempotencyKey: `tier-test:${member._id.toHexString()}:${iso}`, paidAt: at, reference: 'tier-test' },
    { now: at, thresholds: (await app.deps.settings.at(at)).settings.tiers },
  );
}

const levelOf = async (member: Member): Promise<TierLevel | undefined> => (await MemberModel.findById(member._id).lean())?.tier.level;

describe('tiers.review (time driven through deps.now)', () => {
  it('reviews only members due on their anniversary; one whose spend aged out drops a level on the due date', async () => {
    const agesOut = await buildMember({ createdAt: shanghai('2024-05-10T20:00:00') });
    const keepsSpending = await buildMember({ createdAt: shanghai('2024-05-10T09:00:00') });
    const otherAnniversary = await buildMember({ createdAt: shanghai('2024-08-01T10:00:00') });
    // Members with nothing due: basic ones are never reviewed.
    await Promise.all(Array.from({ length: 30 }, () => buildMember({ createdAt: shanghai('2024-05-10T10:00:00') })));
    await paid(agesOut, '2024-06-01T12:00:00');
    await paid(keepsSpending, '2024-06-01T12:00:00');
    await paid(otherAnniversary, '2024-09-01T12:00:00');
    expect([await levelOf(agesOut), await levelOf(keepsSpending), await levelOf(otherAnniversary)]).toEqual(['gold', 'gold', 'gold']);

    expect(await reviewAt('2025-05-09T22:00:00')).toEqual({ examined: 0, reviewed: 0, lowered: 0, upgradeEventsRepaired: 0 });
    // First anniversary: both spent within the last year.
    expect(await reviewAt('2025-05-10T00:30:00')).toEqual({ examined: 2, reviewed: 2, lowered: 0, upgradeEventsRepaired: 0 });
    expect(await reviewAt('2025-05-10T02:00:00')).toEqual({ examined: 0, reviewed: 0, lowered: 0, upgradeEventsRepaired: 0 });
    await paid(keepsSpending, '2025-06-01T12:00:00');

    expect(await reviewAt('2025-08-01T01:00:00')).toEqual({ examined: 1, reviewed: 1, lowered: 0, upgradeEventsRepaired: 0 });
    expect(await reviewAt('2026-05-09T22:00:00')).toEqual({ examined: 0, reviewed: 0, lowered: 0, upgradeEventsRepaired: 0 });
    expect(await levelOf(agesOut)).toBe('gold');

    // Second anniversary: the ¥600 of June 2024 left the rolling year on 1 June 2025.
    expect(await reviewAt('2026-05-10T00:30:00')).toEqual({ examined: 2, reviewed: 2, lowered: 1, upgradeEventsRepaired: 0 });
    expect(await MemberModel.findById(agesOut._id).lean()).toMatchObject({ tier: { level: 'basic', since: shanghai('2026-05-10T00:30:00'), reviewDueAt: null } });
    expect(await levelOf(keepsSpending)).toBe('gold');

    expect(await reviewAt('2026-08-01T01:00:00')).toEqual({ examined: 1, reviewed: 1, lowered: 1, upgradeEventsRepaired: 0 });
    expect(await levelOf(otherAnniversary)).toBe('basic');
    // Basic now: no longer due, ever; the member who kept spending is due next year.
    expect(await reviewAt('2027-05-10T00:30:00')).toEqual({ examined: 1, reviewed: 1, lowered: 1, upgradeEventsRepaired: 0 });
    expect(await levelOf(keepsSpending)).toBe('basic');
  });

  it('a review the job missed on the day (it was down) happens on its next run', async () => {
    const member = await buildMember({ createdAt: shanghai('2027-06-01T10:00:00') });
    await paid(member, '2027-06-10T12:00:00');
    expect(await reviewAt('2028-06-03T09:00:00')).toEqual({ examined: 1, reviewed: 1, lowered: 0, upgradeEventsRepaired: 0 });
    expect(await MemberModel.findById(member._id).lean()).toMatchObject({ tier: { level: 'gold', reviewDueAt: shanghai('2029-06-01T00:00:00') } });
  });
});
