import { defineOpsAbility } from '@cakeday/shared';
import { AuditEntryModel } from '../../audit/AuditEntry.model';
import { PENDING_AUDIT_GRACE_MS, settlePendingAudits } from '../../audit/settlePendingAudits';
import { jobs } from '../../jobs/jobs';
import type { Member } from '../../members/Member.model';
import type { Operator } from '../../operators/Operator.model';
import { operatorAuditContext } from '../../operators/operatorAuditContext';
import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { buildMember } from '../../test/factories';
import { buildOperator, opsCookieFor } from '../../test/operatorFactories';
import { auditPointsAccount } from '../auditPointsAccount';
import { PointsEntryModel } from '../PointsEntry.model';
import { adjustmentLedgerKey, type AdjustmentContext, type AdjustmentFaultPoint } from './adjustmentContext';
import { adjustedToday } from './adjustmentLimit';
import { approveAdjustment } from './approveAdjustment';
import { ADJUSTMENT_REPAIR_GRACE_MS } from './finishAdjustments';
import { PointsAdjustmentModel } from './PointsAdjustment.model';
import { requestAdjustment } from './requestAdjustment';

useTestDatabase();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') };
let app: TestApp;
let requester: Operator;
let approver: Operator;
const cookies = { requester: '', approver: '' };
let sequence = 0;
const key = (): string => `crash-key-${(sequence += 1)}`;

class Crash extends Error {}

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  requester = await buildOperator({ roles: ['ops'] });
  approver = await buildOperator({ roles: ['ops'] });
  cookies.requester = await opsCookieFor(app.http, requester);
  cookies.approver = await opsCookieFor(app.http, approver);
});

/** The context an ops request of `operator` builds, with a crash right after `point` (or inside the ledger). */
async function contextOf(operator: Operator, crash: { at?: AdjustmentFaultPoint; inLedger?: boolean } = {}): Promise<AdjustmentContext> {
  const id = operator._id.toHexString();
  const now = clock.now;
  return {
    now,
    settings: await app.deps.settings.at(now),
    operator: { id, displayName: operator.displayName, ability: defineOpsAbility({ id, roles: operator.roles, storeId: null }) },
    audit: operatorAuditContext({ operatorId: id, displayName: operator.displayName, loginName: operator.loginName, roles: operator.roles }, { requestId: 'req-crash', ip: null, now }),
    faults: {
      after: (reached) => {
        if (reached === crash.at) throw new Crash(`crash after ${reached}`);
      },
      ledger: crash.inLedger ? { afterAccountWrite: () => { throw new Crash('crash inside the ledger'); } } : undefined,
    },
  };
}

const adjustBody = (member: Member, points: number) => ({ memberId: member._id.toHexString(), points, reason: '崩溃恢复测试', idempotencyKey: key() });
const approveOverHttp = (id: string) => app.http.post('/api/ops.points.adjustments.approve').set('Cookie', cookies.approver).send({ id });

/** A pending adjustment above the threshold (1000 by default) for a new member; the file's adjustments stay within one day's limit (20,000). */
async function pendingAdjustment(points = 2000): Promise<{ member: Member; id: string }> {
  const member = await buildMember();
  const requested = await app.http.post('/api/ops.points.adjust').set('Cookie', cookies.requester).send(adjustBody(member, points));
  expect(requested.body.state).toBe('pending');
  return { member, id: requested.body.id as string };
}

async function expectAppliedOnce(member: Member, id: string, points: number): Promise<void> {
  const entries = await PointsEntryModel.find({ key: adjustmentLedgerKey(id) }).lean();
  expect(entries.map((entry) => [entry.state, entry.delta])).toEqual([['applied', points]]);
  const adjustment = await PointsAdjustmentModel.findById(id).lean();
  expect([adjustment?.state, adjustment?.ledgerEntryId?.toHexString()]).toEqual(['applied', entries[0]?._id.toHexString()]);
  expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: points, ledgerSum: points, pendingCount: 0, consistent: true });
}

async function runRepairJob(): Promise<void> {
  const job = jobs.find((candidate) => candidate.name === 'points.finishAdjustments');
  if (!job) throw new Error('no points.finishAdjustments job');
  // The job's own work, not its lease: the tests run it more often than its interval.
  await job.run(app.deps);
}

describe('a crash between the approval and the ledger', () => {
  it('is finished by approving again: exactly one ledger entry', async () => {
    const { member, id } = await pendingAdjustment();
    await expect(approveAdjustment(id, await contextOf(approver, { at: 'approved' }))).rejects.toBeInstanceOf(Crash);
    expect((await PointsAdjustmentModel.findById(id).lean())?.state).toBe('approved');
    expect(await PointsEntryModel.countDocuments({ key: adjustmentLedgerKey(id) })).toBe(0);

    const retried = await approveOverHttp(id);
    expect([retried.status, retried.body.state]).toEqual([200, 'applied']);
    await expectAppliedOnce(member, id, 2000);
  });

  it('is finished by the repair job once its grace has passed, and an approval retried afterwards posts nothing more', async () => {
    const { member, id } = await pendingAdjustment();
    await expect(approveAdjustment(id, await contextOf(approver, { at: 'approved' }))).rejects.toBeInstanceOf(Crash);
    await runRepairJob();
    // Too fresh: the approval may still be in flight.
    expect((await PointsAdjustmentModel.findById(id).lean())?.state).toBe('approved');

    const saved = clock.now;
    clock.now = new Date(saved.getTime() + ADJUSTMENT_REPAIR_GRACE_MS + 1000);
    try {
      await runRepairJob();
      await expectAppliedOnce(member, id, 2000);
    } finally {
      clock.now = saved;
    }
    expect((await approveOverHttp(id)).body.state).toBe('applied');
    await expectAppliedOnce(member, id, 2000);
  });

  it('after the ledger posted but before the adjustment was marked applied, or inside the ledger itself: one entry', async () => {
    const posted = await pendingAdjustment(3000);
    await expect(approveAdjustment(posted.id, await contextOf(approver, { at: 'posted' }))).rejects.toBeInstanceOf(Crash);
    expect(await PointsEntryModel.countDocuments({ key: adjustmentLedgerKey(posted.id) })).toBe(1);
    expect((await approveOverHttp(posted.id)).body.state).toBe('applied');
    await expectAppliedOnce(posted.member, posted.id, 3000);

    const inLedger = await pendingAdjustment(4000);
    await expect(approveAdjustment(inLedger.id, await contextOf(approver, { inLedger: true }))).rejects.toBeInstanceOf(Crash);
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + ADJUSTMENT_REPAIR_GRACE_MS + 1000);
    try {
      await runRepairJob();
    } finally {
      clock.now = saved;
    }
    await expectAppliedOnce(inLedger.member, inLedger.id, 4000);
  });
});

describe('a crash while an adjustment under the threshold is requested', () => {
  it('after its size was counted against the day: the retry records it and counts it once', async () => {
    const member = await buildMember();
    const body = adjustBody(member, 400);
    const usedBefore = await adjustedToday(requester._id.toHexString(), clock.now);
    await expect(requestAdjustment(body, await contextOf(requester, { at: 'limit_taken' }))).rejects.toBeInstanceOf(Crash);
    expect(await PointsAdjustmentModel.countDocuments({ memberId: member._id })).toBe(0);

    const retried = await app.http.post('/api/ops.points.adjust').set('Cookie', cookies.requester).send(body);
    expect([retried.status, retried.body.state]).toEqual([200, 'applied']);
    expect(await adjustedToday(requester._id.toHexString(), clock.now)).toBe(usedBefore + 400);
    await expectAppliedOnce(member, retried.body.id, 400);
  });

  it('after it was recorded, before the ledger: the retried request applies it once', async () => {
    const member = await buildMember();
    const body = adjustBody(member, 700);
    await expect(requestAdjustment(body, await contextOf(requester, { at: 'recorded' }))).rejects.toBeInstanceOf(Crash);
    const recorded = await PointsAdjustmentModel.findOne({ memberId: member._id }).lean();
    expect(recorded?.state).toBe('approved');

    const retried = await app.http.post('/api/ops.points.adjust').set('Cookie', cookies.requester).send(body);
    expect([retried.status, retried.body.id, retried.body.state]).toEqual([200, recorded?._id.toHexString(), 'applied']);
    await expectAppliedOnce(member, retried.body.id, 700);
  });
});

describe('a crash between an adjustment change and its audit outcome', () => {
  it('is settled by the audit repair from the adjustment, which carries the entry', async () => {
    const { member, id } = await pendingAdjustment(1200);
    const context = await contextOf(approver);
    const crashing = { ...context, audit: { ...context.audit, faults: { afterChange: () => { throw new Crash('crash before the outcome'); } } } };
    await expect(approveAdjustment(id, crashing)).rejects.toBeInstanceOf(Crash);
    const entry = await AuditEntryModel.findOne({ action: 'ops.points.adjustments.approve', 'subject.id': id }).lean();
    expect(entry?.outcome).toBe('pending');

    const later = new Date(clock.now.getTime() + PENDING_AUDIT_GRACE_MS + 1000);
    const settled = await settlePendingAudits({ now: later });
    expect(settled.unresolved).toBe(0);
    expect((await AuditEntryModel.findById(entry?._id).lean())?.outcome).toBe('applied');
    expect((await approveOverHttp(id)).body.state).toBe('applied');
    await expectAppliedOnce(member, id, 1200);
  });
});
