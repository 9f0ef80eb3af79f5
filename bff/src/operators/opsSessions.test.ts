import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildOperator, opsCookieFor, TEST_OPERATOR_PASSWORD } from '../test/operatorFactories';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { OperatorModel } from './Operator.model';

useTestDatabase();

const MINUTE = 60_000;
const clock = { now: new Date('2026-06-01T02:00:00.000Z') };
const later = (ms: number): void => {
  clock.now = new Date(clock.now.getTime() + ms);
};
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ now: () => clock.now });
});

const me = (cookie: string) => app.http.post('/api/ops.me').set('Cookie', cookie).send({});

describe('operator sessions', () => {
  it('logs in with name and password: an httpOnly, SameSite=Strict cookie, and ops.me answers with the session', async () => {
    const operator = await buildOperator({ roles: ['ops'], displayName: '小李' });
    const response = await app.http.post('/api/ops.login').send({ loginName: operator.loginName.toUpperCase(), password: TEST_OPERATOR_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((value) => value.startsWith('cakeday_ops='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(response.body.operator).toMatchObject({ loginName: operator.loginName, displayName: '小李', roles: ['ops'] });
    expect(response.body.operator).not.toHaveProperty('passwordHash');
    expect(response.body.requires).toEqual({ passwordChange: false, totpEnrollment: false });

    const session = await me(cookie?.split(';')[0] ?? '');
    expect(session.status).toBe(200);
    expect(session.body.operator.id).toBe(operator._id.toHexString());
    // The login is on the record.
    expect(await AuditEntryModel.countDocuments({ action: 'ops.login', 'actor.id': operator._id.toHexString() })).toBe(1);
  });

  it('gives the same answer for an unknown name and a wrong password', async () => {
    const operator = await buildOperator();
    const unknown = await app.http.post('/api/ops.login').send({ loginName: 'nobody-here', password: 'whatever-123' });
    const wrong = await app.http.post('/api/ops.login').send({ loginName: operator.loginName, password: 'whatever-123' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('OPS_LOGIN_FAILED');
    expect({ ...unknown.body.error, requestId: null }).toEqual({ ...wrong.body.error, requestId: null });
  });

  it('locks the account after 5 failures in a row, even for the right password, until the lockout ends', async () => {
    const operator = await buildOperator();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await app.http.post('/api/ops.login').send({ loginName: operator.loginName, password: 'wrong-password-1' })).status).toBe(401);
    }
    const locked = await app.http.post('/api/ops.login').send({ loginName: operator.loginName, password: TEST_OPERATOR_PASSWORD });
    expect(locked.status).toBe(401);
    expect(locked.body.error.code).toBe('OPS_LOGIN_FAILED');
    later(16 * MINUTE);
    expect((await app.http.post('/api/ops.login').send({ loginName: operator.loginName, password: TEST_OPERATOR_PASSWORD })).status).toBe(200);
    expect(await OperatorModel.findById(operator._id).lean()).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('a disabled operator cannot log in, and their open session stops working', async () => {
    const operator = await buildOperator();
    const cookie = await opsCookieFor(app.http, operator);
    await OperatorModel.updateOne({ _id: operator._id }, { $set: { status: 'disabled' } });
    expect((await me(cookie)).status).toBe(401);
    expect((await app.http.post('/api/ops.login').send({ loginName: operator.loginName, password: TEST_OPERATOR_PASSWORD })).body.error.code).toBe('OPS_LOGIN_FAILED');
  });

  it('ends a session after 30 idle minutes, and any session after 12 hours whatever the activity', async () => {
    const operator = await buildOperator();
    const idle = await opsCookieFor(app.http, operator);
    later(29 * MINUTE);
    expect((await me(idle)).status).toBe(200);
    later(29 * MINUTE);
    expect((await me(idle)).status).toBe(200);
    later(31 * MINUTE);
    expect((await me(idle)).status).toBe(401);

    const busy = await opsCookieFor(app.http, operator);
    for (let hour = 0; hour < 12; hour += 1) {
      later(20 * MINUTE);
      expect((await me(busy)).status).toBe(200);
      later(20 * MINUTE);
      expect((await me(busy)).status).toBe(200);
      later(20 * MINUTE);
      if (hour < 11) expect((await me(busy)).status).toBe(200);
    }
    expect((await me(busy)).status).toBe(401);
  });

  it('logs out this session, or every session of the operator', async () => {
    const operator = await buildOperator();
    const [first, second, third] = [await opsCookieFor(app.http, operator), await opsCookieFor(app.http, operator), await opsCookieFor(app.http, operator)];
    expect((await app.http.post('/api/ops.logout').set('Cookie', first).send({})).status).toBe(200);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
    expect((await app.http.post('/api/ops.logout').set('Cookie', second).send({ everywhere: true })).status).toBe(200);
    expect((await me(second)).status).toBe(401);
    expect((await me(third)).status).toBe(401);
  });

  it('a one-time password opens only the session routes until it is changed; changing it ends the other sessions', async () => {
    const operator = await buildOperator({ mustChangePassword: true });
    const cookie = await opsCookieFor(app.http, operator);
    const elsewhere = await opsCookieFor(app.http, operator);
    expect((await me(cookie)).body.requires).toEqual({ passwordChange: true, totpEnrollment: false });
    const blocked = await app.http.post('/api/ops.settings.current').set('Cookie', cookie).send({});
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('OPS_SESSION_RESTRICTED');

    const weak = await app.http.post('/api/ops.changePassword').set('Cookie', cookie).send({ currentPassword: TEST_OPERATOR_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    const wrongCurrent = await app.http.post('/api/ops.changePassword').set('Cookie', cookie).send({ currentPassword: 'not-it-12345', newPassword: 'a-new-password-2026' });
    expect(wrongCurrent.body.error.code).toBe('OPS_PASSWORD_WRONG');
    const changed = await app.http.post('/api/ops.changePassword').set('Cookie', cookie).send({ currentPassword: TEST_OPERATOR_PASSWORD, newPassword: 'a-new-password-2026' });
    expect(changed.status).toBe(200);
    expect(changed.body.requires.passwordChange).toBe(false);
    expect((await app.http.post('/api/ops.settings.current').set('Cookie', cookie).send({})).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    expect((await app.http.post('/api/ops.login').send({ loginName: operator.loginName, password: 'a-new-password-2026' })).status).toBe(200);
  });

  it('never takes a member token on an ops route, nor an operator session on a member route', async () => {
    const member = await buildMember();
    const asMember = await app.http.post('/api/ops.me').set('Authorization', await sessionFor(member, { now: clock.now })).send({});
    expect(asMember.status).toBe(401);
    const operator = await buildOperator({ roles: ['admin'] });
    const cookie = await opsCookieFor(app.http, operator);
    const asOperator = await app.http.post('/api/members.me').set('Cookie', cookie).send({});
    expect(asOperator.status).toBe(401);
  });

  it('refuses ops calls from a browser page of another origin (the H5 app on another port is the same site)', async () => {
    const operator = await buildOperator();
    const cookie = await opsCookieFor(app.http, operator);
    const foreign = await app.http.post('/api/ops.me').set('Cookie', cookie).set('Origin', 'http://127.0.0.1:10086').send({});
    expect(foreign.status).toBe(403);
    const consoleApp = buildTestApp({ now: () => clock.now, config: testConfig({ OPS_CONSOLE_ORIGINS: 'http://127.0.0.1:5173' }) });
    expect((await consoleApp.http.post('/api/ops.me').set('Cookie', cookie).set('Origin', 'http://127.0.0.1:5173').send({})).status).toBe(200);
  });
});
