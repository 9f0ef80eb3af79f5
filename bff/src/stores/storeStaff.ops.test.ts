import { Types } from 'mongoose';
import type { Member } from '../members/Member.model';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildOperator, buildStore, opsCookieFor } from '../test/operatorFactories';
import { StaffAllowanceModel } from '../writeoff/StaffAllowance.model';

useTestDatabase();

let app: TestApp;
let ops: string;
let analyst: string;
let managerA: string;
let managerB: string;
let storeA: string;
let storeB: string;

beforeAll(async () => {
  app = buildTestApp();
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  storeA = (await buildStore({ name: '甲店' }))._id.toHexString();
  storeB = (await buildStore({ name: '乙店' }))._id.toHexString();
  managerA = await opsCookieFor(app.http, await buildOperator({ roles: ['store_manager'], storeId: new Types.ObjectId(storeA) }));
  managerB = await opsCookieFor(app.http, await buildOperator({ roles: ['store_manager'], storeId: new Types.ObjectId(storeB) }));
});

const call = (name: string, body: object, cookie: string | null = ops) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};
const staffProfile = async (member: Member) => (await app.http.post('/api/writeoff.staffProfile').set('Authorization', await sessionFor(member)).send({})).body;

describe('ops.storeStaff', () => {
  it('adds a member as staff by member id: 401, 403 for an analyst, 422 for an unknown member, 200 audited with the member masked', async () => {
    const member = await buildMember({ nickname: '王小明' });
    const body = { storeId: storeA, memberId: member._id.toHexString(), name: '店员小王', reason: '新员工' };
    expect((await call('ops.storeStaff.add', body, null)).status).toBe(401);
    expect((await call('ops.storeStaff.add', body, analyst)).status).toBe(403);
    expect((await call('ops.storeStaff.add', { ...body, memberId: 'f'.repeat(24) })).body.error.code).toBe('OPS_MEMBER_NOT_FOUND');
    expect((await call('ops.storeStaff.add', { ...body, storeId: 'f'.repeat(24) })).body.error.code).toBe('OPS_STORE_NOT_FOUND');
    expect((await staffProfile(member)).isStaff).toBe(false);

    const added = await call('ops.storeStaff.add', body);
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ store: { id: storeA, name: '甲店' }, memberId: member._id.toHexString(), memberNickname: '王*明', name: '店员小王', active: true, version: 0 });
    expect(added.body.openid).not.toBe(member.openid);
    expect(await staffProfile(member)).toMatchObject({ isStaff: true, store: { id: storeA } });
    const entry = await AuditEntryModel.findOne({ action: 'ops.storeStaff.add', 'subject.id': added.body.id }).lean();
    expect(entry).toMatchObject({ outcome: 'applied', reason: '新员工', after: { storeId: storeA, active: true } });
    expect(JSON.stringify(entry)).not.toContain(member.openid);
    expect(JSON.stringify(entry)).not.toContain('店员小王');

    expect((await call('ops.storeStaff.add', body)).body.error.code).toBe('OPS_STAFF_EXISTS');
    expect((await call('ops.storeStaff.add', { ...body, storeId: storeB })).body.error.code).toBe('OPS_STAFF_IN_OTHER_STORE');
  });

  it('a store manager adds staff to their own store only', async () => {
    const member = await buildMember();
    const body = { storeId: storeB, memberId: member._id.toHexString(), name: '店员小李' };
    const elsewhere = await call('ops.storeStaff.add', body, managerA);
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await StaffAllowanceModel.countDocuments({ openid: member.openid })).toBe(0);
    const own = await call('ops.storeStaff.add', body, managerB);
    expect(own.status).toBe(200);
    expect(own.body.store.id).toBe(storeB);
  });

  it('a store manager lists only their own store, and is refused another store by list filter', async () => {
    const listedByA = await call('ops.storeStaff.list', { pageSize: 100 }, managerA);
    expect(listedByA.status).toBe(200);
    expect(listedByA.body.items.length).toBeGreaterThan(0);
    expect(listedByA.body.items.every((staff: { store: { id: string } }) => staff.store.id === storeA)).toBe(true);
    expect((await call('ops.storeStaff.list', { storeId: 'B' }, managerA)).status).toBe(400);
    const probe = await call('ops.storeStaff.list', { storeId: storeB }, managerA);
    expect([probe.status, probe.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const all = await call('ops.storeStaff.list', { pageSize: 100 });
    expect(new Set(all.body.items.map((staff: { store: { id: string } }) => staff.store.id))).toEqual(new Set([storeA, storeB]));
    expect((await call('ops.storeStaff.list', { storeId: storeB })).body.items.every((staff: { store: { id: string } }) => staff.store.id === storeB)).toBe(true);
  });

  it('deactivating revokes write-off at once; another store manager probing by id gets 404 and changes nothing', async () => {
    const member = await buildMember();
    const added = await call('ops.storeStaff.add', { storeId: storeA, memberId: member._id.toHexString(), name: '店员小赵' }, managerA);
    const id: string = added.body.id;

    const probe = await call('ops.storeStaff.deactivate', { id, version: 0, reason: '越权' }, managerB);
    expect([probe.status, probe.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await StaffAllowanceModel.findById(id).lean())?.active).toBe(true);
    expect((await call('ops.storeStaff.deactivate', { id: 'f'.repeat(24), version: 0 }, managerA)).status).toBe(404);
    expect((await call('ops.storeStaff.deactivate', { id }, managerA)).status).toBe(400);
    expect((await call('ops.storeStaff.deactivate', { id, version: 5 }, managerA)).body.error.code).toBe('STALE_VERSION');

    const done = await call('ops.storeStaff.deactivate', { id, version: 0, reason: '离职' }, managerA);
    expect(done.body).toMatchObject({ active: false, version: 1 });
    expect(done.body.deactivatedAt).not.toBeNull();
    expect((await staffProfile(member)).isStaff).toBe(false);
    const redeem = await app.http.post('/api/writeoff.redeem').set('Authorization', await sessionFor(member)).send({ token: 'any' });
    expect(redeem.status).toBe(403);
    expect(await AuditEntryModel.findOne({ action: 'ops.storeStaff.deactivate', 'subject.id': id }).lean()).toMatchObject({ outcome: 'applied', before: { active: true }, after: { active: false }, reason: '离职' });

    // Added again at the same store: the same allowance, active again.
    const again = await call('ops.storeStaff.add', { storeId: storeA, memberId: member._id.toHexString(), name: '店员小赵' }, managerA);
    expect(again.body).toMatchObject({ id, active: true, deactivatedAt: null, version: 2 });
  });

  it('an allowance seeded by openid alone is listed and deactivated at version 0', async () => {
    const member = await buildMember();
    const { insertedId } = await StaffAllowanceModel.collection.insertOne({ openid: member.openid, storeId: new Types.ObjectId(storeA), name: '店员麦麦', active: true, createdAt: new Date() });
    const listed = await call('ops.storeStaff.list', { storeId: storeA, active: true, pageSize: 100 });
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: insertedId.toHexString(), memberId: null, version: 0 }));
    const done = await call('ops.storeStaff.deactivate', { id: insertedId.toHexString(), version: 0 });
    expect(done.body).toMatchObject({ active: false, version: 1 });
  });
});
