import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildOperator, buildStore, opsCookieFor } from '../test/operatorFactories';
import { StoreModel } from '../writeoff/Store.model';

useTestDatabase();

let app: TestApp;
let ops: string;
let analyst: string;
let manager: string;
let managerStoreId: string;

beforeAll(async () => {
  app = buildTestApp();
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  const managerOperator = await buildOperator({ roles: ['store_manager'] });
  managerStoreId = managerOperator.storeId?.toHexString() ?? '';
  manager = await opsCookieFor(app.http, managerOperator);
});

const call = (name: string, body: object, cookie: string | null = ops) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};

describe('ops.stores', () => {
  it('creates a store with hours and phone: 401, 403 for an analyst or a store manager, 400, 409 for a taken code, 200 audited', async () => {
    const store = { code: 'sh-002', name: '徐家汇店', address: '上海市徐汇区虹桥路 1 号', phone: '021-6400 0000', openingHours: { opens: '08:00', closes: '22:00' } };
    expect((await call('ops.stores.create', store, null)).status).toBe(401);
    expect((await call('ops.stores.create', store, analyst)).status).toBe(403);
    expect((await call('ops.stores.create', store, manager)).status).toBe(403);
    expect((await call('ops.stores.create', { ...store, openingHours: { opens: '8点', closes: '22:00' } })).status).toBe(400);
    const created = await call('ops.stores.create', store);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ code: 'SH-002', name: '徐家汇店', phone: '021-6400 0000', openingHours: { opens: '08:00', closes: '22:00' }, status: 'open', activeStaff: 0, version: 0 });
    expect((await call('ops.stores.create', store)).body.error.code).toBe('OPS_CODE_TAKEN');
    expect(await AuditEntryModel.findOne({ action: 'ops.stores.create', 'subject.id': created.body.id }).lean()).toMatchObject({ outcome: 'applied', after: { code: 'SH-002', name: '徐家汇店' } });
  });

  it('updates on top of the version it loaded; a seeded store without the new fields reads open at version 0', async () => {
    const seeded = await buildStore({ name: '人民广场店' });
    await StoreModel.collection.updateOne({ _id: seeded._id }, { $unset: { version: '', status: '', phone: '', openingHours: '', auditSeqs: '' } });
    const id = seeded._id.toHexString();
    const edited = await call('ops.stores.update', { id, version: 0, openingHours: { opens: '22:00', closes: '02:00' }, status: 'closed', reason: '装修停业' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: '人民广场店', status: 'closed', openingHours: { opens: '22:00', closes: '02:00' }, version: 1 });
    expect(await AuditEntryModel.findOne({ action: 'ops.stores.update', 'subject.id': id }).lean()).toMatchObject({
      before: { status: 'open', openingHours: null },
      after: { status: 'closed', openingHours: { opens: '22:00', closes: '02:00' } },
      reason: '装修停业',
    });
    const stale = await call('ops.stores.update', { id, version: 0, name: '过期编辑' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
    expect((await call('ops.stores.update', { id: 'f'.repeat(24), version: 0, name: 'x' })).status).toBe(404);
    expect((await call('ops.stores.update', { id, version: 1, name: 'x' }, manager)).status).toBe(403);
  });

  it('lists every store for ops, and only their own store for a store manager', async () => {
    expect((await call('ops.stores.list', { status: 'gone' })).status).toBe(400);
    const all = await call('ops.stores.list', { pageSize: 100 });
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    const own = await call('ops.stores.list', { pageSize: 100 }, manager);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ total: 1, items: [{ id: managerStoreId }] });
    expect((await call('ops.stores.list', { query: '徐家汇' }, manager)).body.total).toBe(0);
    expect((await call('ops.stores.list', { status: 'closed' })).body.items.map((store: { name: string }) => store.name)).toEqual(['人民广场店']);
  });
});
