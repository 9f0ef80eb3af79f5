import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildOperator, buildStore, opsCookieFor } from '../test/operatorFactories';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { OperatorModel } from './Operator.model';

useTestDatabase();

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = buildTestApp();
  admin = await opsCookieFor(app.http, await buildOperator({ roles: ['admin'] }));
});

const call = (name: string, body: object, cookie = admin) => app.http.post(`/api/${name}`).set('Cookie', cookie).send(body);

describe('operators, managed by an admin', () => {
  it('creates an operator with a one-time password that must be changed at first login; the password is never stored', async () => {
    const created = await call('ops.operators.create', { loginName: 'Li.Ming', displayName: '李明', roles: ['ops'] });
    expect(created.status).toBe(200);
    expect(created.body.operator).toMatchObject({ loginName: 'li.ming', displayName: '李明', roles: ['ops'], status: 'active', version: 0 });
    const password: string = created.body.oneTimePassword;
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await OperatorModel.findOne({ loginName: 'li.ming' }).lean();
    expect(JSON.stringify(stored)).not.toContain(password);
    const entry = await AuditEntryModel.findOne({ action: 'ops.operators.create', 'subject.id': created.body.operator.id }).lean();
    expect(entry).toMatchObject({ outcome: 'applied', after: { loginName: 'li.ming', roles: ['ops'] } });
    expect(JSON.stringify(entry)).not.toContain(password);

    const first = await app.http.post('/api/ops.login').send({ loginName: 'li.ming', password });
    expect(first.body.requires.passwordChange).toBe(true);
    expect((await call('ops.operators.create', { loginName: 'li.ming', displayName: '重复', roles: ['ops'] })).body.error.code).toBe('OPS_OPERATOR_NAME_TAKEN');
  });

  it('a store manager must name an existing store', async () => {
    expect((await call('ops.operators.create', { loginName: 'manager.a', displayName: '店长A', roles: ['store_manager'] })).body.error.code).toBe('OPS_OPERATOR_STORE_REQUIRED');
    expect((await call('ops.operators.create', { loginName: 'manager.a', displayName: '店长A', roles: ['store_manager'], storeId: 'f'.repeat(24) })).body.error.code).toBe('OPS_STORE_NOT_FOUND');
    const store = await buildStore({ name: '人民广场店' });
    const created = await call('ops.operators.create', { loginName: 'manager.a', displayName: '店长A', roles: ['store_manager'], storeId: store._id.toHexString() });
    expect(created.body.operator).toMatchObject({ storeId: store._id.toHexString(), storeName: '人民广场店' });
  });

  it('updates on top of the version it loaded; a stale edit is refused, never overwrites', async () => {
    const operator = await buildOperator({ roles: ['analyst'] });
    const id = operator._id.toHexString();
    const first = await call('ops.operators.update', { id, version: 0, displayName: '分析师甲', reason: '改名' });
    expect(first.body).toMatchObject({ displayName: '分析师甲', version: 1 });
    const stale = await call('ops.operators.update', { id, version: 0, roles: ['ops'], reason: '升级' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await OperatorModel.findById(id).lean())?.roles).toEqual(['analyst']);
  });

  it('disabling an operator ends their sessions at once; an admin cannot disable or re-role themselves', async () => {
    const operator = await buildOperator({ roles: ['ops'] });
    const cookie = await opsCookieFor(app.http, operator);
    const disabled = await call('ops.operators.update', { id: operator._id.toHexString(), version: 0, status: 'disabled', reason: '离职' });
    expect(disabled.body.status).toBe('disabled');
    expect((await call('ops.me', {}, cookie)).status).toBe(401);

    const me = await call('ops.me', {});
    const self = await call('ops.operators.update', { id: me.body.operator.id, version: me.body.operator.version, roles: ['ops'], reason: '自降' });
    expect(self.body.error.code).toBe('OPS_OPERATOR_SELF');
  });

  it('resets a password: a new one-time password, sessions ended, two-factor off', async () => {
    const operator = await buildOperator({ roles: ['ops'] });
    const cookie = await opsCookieFor(app.http, operator);
    const reset = await call('ops.operators.resetPassword', { id: operator._id.toHexString(), reason: '忘记密码' });
    expect(reset.status).toBe(200);
    expect((await call('ops.me', {}, cookie)).status).toBe(401);
    const login = await app.http.post('/api/ops.login').send({ loginName: operator.loginName, password: reset.body.oneTimePassword });
    expect(login.body.requires.passwordChange).toBe(true);
  });

  it('an admin cannot reset their own password (found by npm run fuzz): their session and two-factor stay', async () => {
    const self = await buildOperator({ roles: ['admin'] });
    const cookie = await opsCookieFor(app.http, self);
    const reset = await call('ops.operators.resetPassword', { id: self._id.toHexString(), reason: '重置自己' }, cookie);
    expect(reset.status).toBe(422);
    expect(reset.body.error.code).toBe('OPS_OPERATOR_SELF');
    expect((await call('ops.me', {}, cookie)).status).toBe(200);
    expect((await OperatorModel.findById(self._id).lean())?.mustChangePassword).toBe(false);
  });

  it('lists and filters operators, paged on the server', async () => {
    const listed = await call('ops.operators.list', { role: 'store_manager', page: 1, pageSize: 1 });
    expect(listed.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.total).toBeGreaterThanOrEqual(1);
    expect(listed.body.items[0].roles).toContain('store_manager');
  });
});
