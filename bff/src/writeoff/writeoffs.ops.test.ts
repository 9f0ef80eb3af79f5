import { EXPORT_TOTAL_HEADER } from '@cakeday/shared';
import type { Response } from 'supertest';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildOperator, buildStore, buildWriteoffRecord, opsCookieFor } from '../test/operatorFactories';
import type { Store } from './Store.model';
import type { WriteoffRecord } from './WriteoffRecord.model';

useTestDatabase();

let app: TestApp;
let ops: string;
let moderator: string;
let managerA: string;
let storeA: Store;
let storeB: Store;
let recordsA: WriteoffRecord[];
let recordB: WriteoffRecord;

beforeAll(async () => {
  app = buildTestApp();
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
  moderator = await opsCookieFor(app.http, await buildOperator({ roles: ['moderator'] }));
  storeA = await buildStore({ name: '甲店' });
  storeB = await buildStore({ name: '乙店' });
  managerA = await opsCookieFor(app.http, await buildOperator({ roles: ['store_manager'], storeId: storeA._id }));
  recordsA = [
    await buildWriteoffRecord({ store: storeA, at: new Date('2026-05-01T02:00:00.000Z') }),
    await buildWriteoffRecord({ store: storeA, at: new Date('2026-05-20T02:00:00.000Z'), subjectKind: 'order', title: '烘焙课体验券' }),
  ];
  recordB = await buildWriteoffRecord({ store: storeB, memberName: '李雷', at: new Date('2026-05-10T02:00:00.000Z') });
});

const call = (name: string, body: object, cookie: string | null = ops) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};
const ids = (response: Response): string[] => response.body.items.map((record: { id: string }) => record.id);
const csvOf = (name: string, body: object, cookie: string) =>
  call(name, body, cookie)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });

describe('ops.writeoffs', () => {
  it('lists by store and date range, newest first, member names masked: 401, 403 for a moderator, 400', async () => {
    expect((await call('ops.writeoffs.list', {}, null)).status).toBe(401);
    expect((await call('ops.writeoffs.list', {}, moderator)).status).toBe(403);
    expect((await call('ops.writeoffs.list', { from: 'yesterday' })).status).toBe(400);
    const all = await call('ops.writeoffs.list', {});
    expect(ids(all)).toEqual([recordsA[1], recordB, recordsA[0]].map((record) => record?._id.toHexString()));
    expect(all.body.items[1]).toMatchObject({ store: { id: storeB._id.toHexString(), name: '乙店' }, subject: { memberName: '李*' } });
    const window = await call('ops.writeoffs.list', { storeId: storeA._id.toHexString(), from: '2026-05-10T00:00:00+08:00', to: '2026-06-01T00:00:00+08:00' });
    expect(ids(window)).toEqual([recordsA[1]?._id.toHexString()]);
    expect((await call('ops.writeoffs.list', { kind: 'order' })).body.total).toBe(1);
    expect((await call('ops.writeoffs.list', { page: 2, pageSize: 2 })).body).toMatchObject({ total: 3, page: 2, items: [expect.anything()] });
  });

  it("a store manager sees only their store's write-offs: not by list, not by list filter, not by id", async () => {
    const own = await call('ops.writeoffs.list', {}, managerA);
    expect(own.status).toBe(200);
    expect(ids(own).sort()).toEqual(recordsA.map((record) => record._id.toHexString()).sort());
    const byFilter = await call('ops.writeoffs.list', { storeId: storeB._id.toHexString() }, managerA);
    expect([byFilter.status, byFilter.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const byId = await call('ops.writeoffs.get', { id: recordB._id.toHexString() }, managerA);
    expect([byId.status, byId.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await call('ops.writeoffs.get', { id: recordsA[0]?._id.toHexString() ?? '' }, managerA)).body.store.id).toBe(storeA._id.toHexString());
    expect((await call('ops.writeoffs.get', { id: recordB._id.toHexString() })).status).toBe(200);
    expect((await call('ops.writeoffs.get', { id: 'f'.repeat(24) })).status).toBe(404);
    expect((await call('ops.writeoffs.get', {})).status).toBe(400);
  });

  it("exports CSV: a store manager's export holds their store only and naming another is refused; audited", async () => {
    const mine = await csvOf('ops.writeoffs.export', {}, managerA);
    expect(mine.status).toBe(200);
    expect(mine.headers[EXPORT_TOTAL_HEADER.toLowerCase()]).toBe('2');
    const lines = (mine.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.includes('甲店'))).toBe(true);
    expect(mine.body).not.toContain('王小明');
    expect(mine.body).toContain('王*明');
    expect((await csvOf('ops.writeoffs.export', { storeId: storeB._id.toHexString() }, managerA)).status).toBe(403);
    expect((await csvOf('ops.writeoffs.export', {}, moderator)).status).toBe(403);
    expect((await csvOf('ops.writeoffs.export', { kind: 'cake' }, ops)).status).toBe(400);
    expect((await csvOf('ops.writeoffs.export', {}, ops)).headers[EXPORT_TOTAL_HEADER.toLowerCase()]).toBe('3');
    expect(await AuditEntryModel.countDocuments({ action: 'ops.writeoffs.export', outcome: 'applied' })).toBe(2);
  });
});
