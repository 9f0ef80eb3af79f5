import { DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import { AuditEntryModel } from '../../audit/AuditEntry.model';
import type { Member } from '../../members/Member.model';
import type { SettingsSource } from '../../settings/settingsSource';
import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { buildMember, buildPointsLot, sessionFor } from '../../test/factories';
import { buildOperator, opsCookieFor } from '../../test/operatorFactories';
import { auditPointsAccount } from '../auditPointsAccount';
import { PointsAccountModel } from '../PointsAccount.model';
import { PointsEntryModel } from '../PointsEntry.model';
import { PointsAdjustmentModel } from './PointsAdjustment.model';

useTestDatabase();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') }; // 12:00 on 10 May in Shanghai
let app: TestApp;
const cookies = { requester: '', approver: '', analyst: '' };
const ids = { requester: '', approver: '' };
let sequence = 0;
const key = (): string => `adjust-key-${(sequence += 1)}`;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  const requester = await buildOperator({ roles: ['ops'], displayName: '运营甲' });
  const approver = await buildOperator({ roles: ['ops'], displayName: '运营乙' });
  ids.requester = requester._id.toHexString();
  ids.approver = approver._id.toHexString();
  cookies.requester = await opsCookieFor(app.http, requester);
  cookies.approver = await opsCookieFor(app.http, approver);
  cookies.analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
});

const call = (name: string, body: object, cookie = cookies.requester) => app.http.post(`/api/${name}`).set('Cookie', cookie).send(body);
const adjust = (member: Member, points: number, extra: object = {}, cookie = cookies.requester) =>
  call('ops.points.adjust', { memberId: member._id.toHexString(), points, reason: '客诉补偿，工单 #1024', idempotencyKey: key(), ...extra }, cookie);
const balanceOf = async (member: Member): Promise<number> => (await PointsAccountModel.findById(member._id).lean())?.balance ?? 0;
const memberWith = async (points: number): Promise<Member> => (points > 0 ? (await buildPointsLot({ points, earnedAt: clock.now })).member : buildMember());
const history = async (member: Member) =>
  (await app.http.post('/api/points.history').set('Authorization', await sessionFor(member, { now: clock.now })).send({})).body;

describe('ops.points.adjust under the approval threshold', () => {
  it('applies at once as a ledger entry of its own kind, which the member sees in 积分明细 without the internal reason', async () => {
    const member = await memberWith(1000);
    const added = await adjust(member, 200, { memberNote: '门店补偿' });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      memberId: member._id.toHexString(),
      points: 200,
      reason: '客诉补偿，工单 #1024',
      memberText: '积分调整：门店补偿',
      state: 'applied',
      stateLabel: '已入账',
      needsApproval: false,
      requestedBy: { id: ids.requester, displayName: '运营甲' },
      decidedBy: null,
      ledgerEntryId: expect.any(String),
      settingsVersion: 0,
      canDecide: false,
    });
    const taken = await adjust(member, -150);
    expect([taken.status, taken.body.state]).toEqual([200, 'applied']);

    const seen = await history(member);
    expect(seen.balance).toBe(1050);
    expect(seen.items.slice(0, 2)).toEqual([
      expect.objectContaining({ kind: 'adjust', delta: -150, reason: '积分调整', expiresAt: null }),
      expect.objectContaining({ id: added.body.ledgerEntryId, kind: 'adjust', delta: 200, reason: '积分调整：门店补偿', expiresAt: '2028-01-01T00:00:00+08:00' }),
    ]);
    expect(JSON.stringify(seen)).not.toContain('工单');
    expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 1050, ledgerSum: 1050, consistent: true });

    const entry = await AuditEntryModel.findOne({ action: 'ops.points.adjust', 'subject.id': added.body.id }).lean();
    expect(entry).toMatchObject({ subject: { type: 'PointsAdjustment' }, reason: '客诉补偿，工单 #1024', outcome: 'applied', after: { points: 200, state: 'approved' } });
  });

  it('refuses a deduction larger than the spendable balance with POINTS_INSUFFICIENT, recording nothing', async () => {
    const member = await memberWith(100);
    const before = await PointsAdjustmentModel.countDocuments();
    const refused = await adjust(member, -101);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect(await PointsAdjustmentModel.countDocuments()).toBe(before);
    expect(await balanceOf(member)).toBe(100);
  });

  it('a retry with the same idempotency key adjusts once; the same key for another adjustment is refused', async () => {
    const member = await memberWith(0);
    const body = { memberId: member._id.toHexString(), points: 300, reason: '活动补发', idempotencyKey: key() };
    const [first, second] = await Promise.all([call('ops.points.adjust', body), call('ops.points.adjust', body)]);
    expect([first.status, second.status, second.body.id]).toEqual([200, 200, first.body.id]);
    expect(await balanceOf(member)).toBe(300);
    const reused = await call('ops.points.adjust', { ...body, points: 301 });
    expect([reused.status, reused.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('400 on bad input, 404 for an unknown member, 403 for an analyst', async () => {
    const member = await memberWith(0);
    expect((await adjust(member, 0)).status).toBe(400);
    expect((await adjust(member, 1.5)).status).toBe(400);
    expect((await adjust(member, 10, { reason: '' })).status).toBe(400);
    expect((await call('ops.points.adjust', { memberId: member._id.toHexString(), points: 10, reason: '补发' })).status).toBe(400);
    expect((await call('ops.points.adjust', { memberId: '0'.repeat(24), points: 10, reason: '补发', idempotencyKey: key() })).status).toBe(404);
    const analyst = await adjust(member, 10, {}, cookies.analyst);
    expect([analyst.status, analyst.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await balanceOf(member)).toBe(0);
  });
});

describe('above the approval threshold: four eyes', () => {
  it('waits in the queue; the requester cannot approve; a second operator approves and it is applied once, even with 10 approvals at once', async () => {
    const member = await memberWith(0);
    const requested = await adjust(member, 5000, { memberNote: '生日活动补发' });
    expect(requested.body).toMatchObject({ state: 'pending', stateLabel: '待审批', needsApproval: true, canDecide: false, ledgerEntryId: null });
    const id = requested.body.id as string;
    expect(await balanceOf(member)).toBe(0);
    expect((await history(member)).items).toEqual([]);

    const queueForApprover = await call('ops.points.adjustments.list', { state: 'pending', memberId: member._id.toHexString() }, cookies.approver);
    expect(queueForApprover.body.items).toEqual([expect.objectContaining({ id, state: 'pending', canDecide: true })]);
    const queueForRequester = await call('ops.points.adjustments.list', { state: 'pending', memberId: member._id.toHexString() });
    expect(queueForRequester.body.items).toEqual([expect.objectContaining({ id, canDecide: false })]);

    const own = await call('ops.points.adjustments.approve', { id });
    expect([own.status, own.body.error.code]).toEqual([403, 'OPS_ADJUSTMENT_SELF_APPROVAL']);
    const ownReject = await call('ops.points.adjustments.reject', { id, reason: '自己驳回' });
    expect([ownReject.status, ownReject.body.error.code]).toEqual([403, 'OPS_ADJUSTMENT_SELF_APPROVAL']);
    expect((await call('ops.points.adjustments.approve', { id }, cookies.analyst)).status).toBe(403);
    expect((await PointsAdjustmentModel.findById(id).lean())?.state).toBe('pending');

    const approvals = await Promise.all(Array.from({ length: 10 }, () => call('ops.points.adjustments.approve', { id }, cookies.approver)));
    expect(approvals.map((response) => [response.status, response.body.state])).toEqual(Array.from({ length: 10 }, () => [200, 'applied']));
    expect(approvals[0]?.body).toMatchObject({ decidedBy: { id: ids.approver, displayName: '运营乙' }, appliedAt: expect.any(String) });
    expect(await PointsEntryModel.countDocuments({ key: `ops-adjust:${id}` })).toBe(1);
    expect(await balanceOf(member)).toBe(5000);
    expect((await history(member)).items).toEqual([expect.objectContaining({ kind: 'adjust', delta: 5000, reason: '积分调整：生日活动补发' })]);
    expect(await AuditEntryModel.countDocuments({ action: 'ops.points.adjustments.approve', 'subject.id': id, outcome: 'applied' })).toBe(1);

    const again = await call('ops.points.adjustments.approve', { id }, cookies.approver);
    expect([again.status, again.body.state]).toEqual([200, 'applied']);
    expect(await PointsEntryModel.countDocuments({ key: `ops-adjust:${id}` })).toBe(1);
    expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 5000, consistent: true });
  });

  it('a second operator rejects with a reason: no points move, the size no longer counts against the day, and it cannot be decided again', async () => {
    const member = await memberWith(3000);
    const requested = await adjust(member, -2000);
    expect(requested.body.state).toBe('pending');
    const id = requested.body.id as string;
    const limits = async () => (await call('ops.points.adjustments.list', { pageSize: 1 })).body.limits;
    const usedBefore = (await limits()).usedToday as number;

    expect((await call('ops.points.adjustments.reject', { id }, cookies.approver)).status).toBe(400);
    const rejected = await call('ops.points.adjustments.reject', { id, reason: '金额有误，请核对后重提' }, cookies.approver);
    expect(rejected.body).toMatchObject({ state: 'rejected', stateLabel: '已驳回', rejectReason: '金额有误，请核对后重提', decidedBy: { id: ids.approver } });
    expect(await balanceOf(member)).toBe(3000);
    expect(await PointsEntryModel.countDocuments({ key: `ops-adjust:${id}` })).toBe(0);
    expect((await limits()).usedToday).toBe(usedBefore - 2000);

    const approveLater = await call('ops.points.adjustments.approve', { id }, cookies.approver);
    expect([approveLater.status, approveLater.body.error.code]).toEqual([409, 'OPS_ADJUSTMENT_NOT_PENDING']);
    const rejectAgain = await call('ops.points.adjustments.reject', { id, reason: '再驳回一次' }, cookies.approver);
    expect([rejectAgain.status, rejectAgain.body.error.code]).toEqual([409, 'OPS_ADJUSTMENT_NOT_PENDING']);
    expect(await AuditEntryModel.findOne({ action: 'ops.points.adjustments.reject', 'subject.id': id }).lean()).toMatchObject({
      reason: '金额有误，请核对后重提',
      outcome: 'applied',
      before: { state: 'pending' },
      after: { state: 'rejected' },
    });
    expect((await call('ops.points.adjustments.list', { state: 'rejected', memberId: member._id.toHexString() })).body.total).toBe(1);
  });

  it('a deduction the balance no longer covers when it is approved fails without moving points, and gives its size back to the day', async () => {
    const member = await memberWith(3000);
    const requested = await adjust(member, -2000);
    expect(requested.body.state).toBe('pending');
    // Meanwhile the balance drops below the deduction.
    expect((await adjust(member, -900)).body.state).toBe('applied');
    expect((await adjust(member, -900)).body.state).toBe('applied');
    const usedBefore = (await call('ops.points.adjustments.list', { pageSize: 1 })).body.limits.usedToday as number;

    const approved = await call('ops.points.adjustments.approve', { id: requested.body.id }, cookies.approver);
    expect([approved.status, approved.body.state, approved.body.stateLabel, approved.body.failure]).toEqual([200, 'failed', '未入账', 'POINTS_INSUFFICIENT']);
    expect(await balanceOf(member)).toBe(1200);
    expect(await PointsEntryModel.countDocuments({ key: `ops-adjust:${requested.body.id}`, state: 'applied' })).toBe(0);
    expect((await call('ops.points.adjustments.list', { pageSize: 1 })).body.limits.usedToday).toBe(usedBefore - 2000);
    expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 1200, consistent: true });
  });

  it('404 for an unknown adjustment', async () => {
    expect((await call('ops.points.adjustments.approve', { id: '0'.repeat(24) }, cookies.approver)).status).toBe(404);
  });
});

describe('the daily limit per operator', () => {
  /** Program settings with a small limit, read the way every command reads them (deps.settings.at). */
  const fixedSettings = (dailyLimit: number, threshold: number): SettingsSource => {
    const snapshot = { version: 7, effectiveFrom: new Date(0), settings: { ...DEFAULT_PROGRAM_SETTINGS, operations: { pointsAdjustmentDailyLimit: dailyLimit, pointsAdjustmentApprovalThreshold: threshold } } };
    return { at: async () => snapshot, version: async () => snapshot, invalidate: () => undefined };
  };

  it('refuses the adjustment that would pass it, posting nothing; a retry does not count twice; a new Shanghai day starts afresh', async () => {
    const limited = buildTestApp({ now: () => clock.now, settings: fixedSettings(1500, 1000) });
    const operator = await buildOperator({ roles: ['ops'] });
    let cookie = await opsCookieFor(limited.http, operator);
    const member = await memberWith(2000);
    const send = (points: number, idempotencyKey = key()) =>
      limited.http.post('/api/ops.points.adjust').set('Cookie', cookie).send({ memberId: member._id.toHexString(), points, reason: '额度测试', idempotencyKey });
    const limits = async () => (await limited.http.post('/api/ops.points.adjustments.list').set('Cookie', cookie).send({})).body.limits;

    const firstKey = key();
    const first = await send(1000, firstKey);
    expect([first.status, first.body.state, first.body.settingsVersion]).toEqual([200, 'applied', 7]);
    const over = await send(600);
    expect([over.status, over.body.error.code]).toEqual([409, 'OPS_POINTS_DAILY_LIMIT']);
    expect(await PointsAdjustmentModel.countDocuments({ 'requestedBy.id': operator._id.toHexString() })).toBe(1);
    expect(await balanceOf(member)).toBe(3000);
    expect(await AuditEntryModel.findOne({ action: 'ops.points.adjust', 'actor.id': operator._id.toHexString() }).sort({ _id: -1 }).lean()).toMatchObject({ outcome: 'failed' });

    // Deductions count by their size too; the limit itself can be reached exactly.
    expect((await send(-500)).status).toBe(200);
    expect(await limits()).toEqual({ dailyLimit: 1500, usedToday: 1500, approvalThreshold: 1000 });
    const retry = await send(1000, firstKey);
    expect([retry.status, retry.body.id]).toEqual([200, first.body.id]);
    expect((await limits()).usedToday).toBe(1500);
    expect((await send(1)).body.error.code).toBe('OPS_POINTS_DAILY_LIMIT');

    // Another operator has a day of their own.
    const colleague = await opsCookieFor(limited.http, await buildOperator({ roles: ['ops'] }));
    const theirs = await limited.http.post('/api/ops.points.adjust').set('Cookie', colleague).send({ memberId: member._id.toHexString(), points: 100, reason: '额度测试', idempotencyKey: key() });
    expect(theirs.status).toBe(200);

    const saved = clock.now;
    clock.now = new Date('2026-05-10T16:00:00.000Z'); // 00:00 on 11 May in Shanghai
    try {
      cookie = await opsCookieFor(limited.http, operator);
      expect((await send(1000)).status).toBe(200);
      expect((await limits()).usedToday).toBe(1000);
    } finally {
      clock.now = saved;
    }
  });
});
