import { useTestDatabase } from '../test/database';
import { AuditEntryModel, AuditHeadModel } from './AuditEntry.model';
import { appendAudit } from './appendAudit';
import { audited, type AuditContext } from './audited';
import { registerAuditSubject } from './auditOutcomes';
import { settlePendingAudits } from './settlePendingAudits';
import { verifyAuditChain } from './verifyAuditChain';

useTestDatabase();

const actor = { type: 'operator' as const, id: 'op-1', name: '测试 (tester)', roles: ['admin'] };
const now = new Date('2026-06-01T02:00:00.000Z');
const intent = (n: number) => ({ actor, action: 'test.write', subject: { type: 'Thing', id: `t-${n}` }, before: { n }, after: { n: n + 1, at: now }, reason: '测试' });

beforeEach(async () => {
  await AuditEntryModel.deleteMany({});
  await AuditHeadModel.deleteMany({});
});

describe('the audit chain', () => {
  it('50 concurrent appends take positions 1..50 without gaps, and the chain verifies', async () => {
    const entries = await Promise.all(Array.from({ length: 50 }, (_, n) => appendAudit(intent(n), now)));
    expect(entries.map((entry) => entry._id).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n + 1));
    expect(await verifyAuditChain()).toEqual({ intact: true, entries: 50, firstBroken: null });
  });

  it('a crash after writing an entry but before moving the head is healed by the next append', async () => {
    await appendAudit(intent(1), now);
    await expect(appendAudit(intent(2), now, { afterEntryWritten: () => { throw new Error('crash'); } })).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect((await AuditHeadModel.findById('head').lean())?.seq).toBe(1);
    const third = await appendAudit(intent(3), now);
    expect(third._id).toBe(3);
    expect(await verifyAuditChain()).toMatchObject({ intact: true, entries: 3 });
  });

  it.each([
    ['an edited record', (seq: number) => AuditEntryModel.updateOne({ _id: seq }, { $set: { 'after.n': 999 } }), 'hash'],
    ['an edited reason', (seq: number) => AuditEntryModel.updateOne({ _id: seq }, { $set: { reason: '改过' } }), 'hash'],
    ['a deleted entry', (seq: number) => AuditEntryModel.deleteOne({ _id: seq }), 'missing'],
    ['a re-linked entry', (seq: number) => AuditEntryModel.updateOne({ _id: seq }, { $set: { prevHash: 'f'.repeat(64) } }), 'link'],
  ])('names the first broken entry after %s', async (_what, tamper, problem) => {
    for (let n = 1; n <= 6; n += 1) await appendAudit(intent(n), now);
    await tamper(4);
    expect(await verifyAuditChain()).toEqual({ intact: false, entries: 3, firstBroken: { seq: 4, problem } });
  });

  it('a truncated tail is caught by the head', async () => {
    for (let n = 1; n <= 3; n += 1) await appendAudit(intent(n), now);
    await AuditEntryModel.deleteOne({ _id: 3 });
    expect(await verifyAuditChain()).toMatchObject({ intact: false, firstBroken: { seq: 3, problem: 'missing' } });
  });
});

describe('audited changes', () => {
  const things = new Map<string, number[]>();
  registerAuditSubject('Thing', async (entry) => ((things.get(entry.subject.id ?? '') ?? []).includes(entry._id) ? 'applied' : 'failed'));
  const context = (faults?: AuditContext['faults']): AuditContext => ({ actor, requestId: 'req-1', ip: '127.0.0.1', now, faults });

  it('writes the entry before the change; a change that fails is recorded as failed', async () => {
    await expect(audited(context(), { action: 'test.write', subject: { type: 'Thing', id: 'x' } }, async () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect(await AuditEntryModel.findOne({ 'subject.id': 'x' }).lean()).toMatchObject({ outcome: 'failed' });
  });

  it('a change whose entry cannot be written does not happen', async () => {
    let changed = false;
    const blocked = context({ afterEntryWritten: () => { throw new Error('database gone'); } });
    await expect(audited(blocked, { action: 'test.write', subject: { type: 'Thing', id: 'y' } }, async () => { changed = true; })).rejects.toMatchObject({ status: 503, code: 'AUDIT_UNAVAILABLE' });
    expect(changed).toBe(false);
  });

  it('after a crash between the change and its outcome, the repair settles it from the subject', async () => {
    const crash = context({ afterChange: () => { throw new Error('crash'); } });
    await expect(audited(crash, { action: 'test.write', subject: { type: 'Thing', id: 'done' } }, async (entry) => { things.set('done', [entry._id]); })).rejects.toThrow('crash');
    // A request that died after its entry and before its change.
    const orphan = await appendAudit({ ...intent(9), subject: { type: 'Thing', id: 'never' } }, now);
    expect(await AuditEntryModel.countDocuments({ outcome: 'pending' })).toBe(2);

    expect(await settlePendingAudits({ now: new Date(now.getTime() + 60_000) })).toEqual({ applied: 0, failed: 0, unresolved: 0 });
    expect(await settlePendingAudits({ now: new Date(now.getTime() + 10 * 60_000) })).toEqual({ applied: 1, failed: 1, unresolved: 0 });
    expect(await AuditEntryModel.findById(orphan._id).lean()).toMatchObject({ outcome: 'failed' });
    expect(await AuditEntryModel.findOne({ 'subject.id': 'done' }).lean()).toMatchObject({ outcome: 'applied' });
    // Settling moves only the outcome: the chain still verifies.
    expect(await verifyAuditChain()).toMatchObject({ intact: true });
  });
});
