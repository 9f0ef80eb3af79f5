import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildOperator, opsCookieFor, TEST_OPERATOR_PASSWORD } from '../test/operatorFactories';
import { totpCode, totpStep } from './totp';

useTestDatabase();

const clock = { now: new Date('2026-06-01T02:00:00.000Z') };
let app: TestApp;

beforeAll(() => {
  // As in production: an admin must turn two-factor on before anything else.
  app = buildTestApp({ now: () => clock.now, config: testConfig({ OPS_TOTP_REQUIRED_FOR_ADMIN: 'true' }) });
});

const codeAt = (secret: string, at: Date): string => totpCode(secret, totpStep(at));
const login = (loginName: string, totpCode?: string) =>
  app.http.post('/api/ops.login').send({ loginName, password: TEST_OPERATOR_PASSWORD, ...(totpCode ? { totpCode } : {}) });

describe('two-factor sign-in', () => {
  it('an admin without two-factor may only set it up; once on, each login needs a fresh code', async () => {
    const admin = await buildOperator({ roles: ['admin'] });
    const cookie = await opsCookieFor(app.http, admin);
    const me = await app.http.post('/api/ops.me').set('Cookie', cookie).send({});
    expect(me.body.requires).toEqual({ passwordChange: false, totpEnrollment: true });
    expect((await app.http.post('/api/ops.operators.list').set('Cookie', cookie).send({})).body.error.code).toBe('OPS_SESSION_RESTRICTED');

    const setup = await app.http.post('/api/ops.totp.setup').set('Cookie', cookie).send({});
    expect(setup.status).toBe(200);
    const secret: string = setup.body.secret;
    expect(setup.body.otpauthUri).toContain(`secret=${secret}`);
    const wrong = await app.http.post('/api/ops.totp.enable').set('Cookie', cookie).send({ code: '000000' === codeAt(secret, clock.now) ? '111111' : '000000' });
    expect(wrong.body.error.code).toBe('OPS_TOTP_SETUP_CODE_WRONG');
    const enabled = await app.http.post('/api/ops.totp.enable').set('Cookie', cookie).send({ code: codeAt(secret, clock.now) });
    expect(enabled.status).toBe(200);
    expect(enabled.body.requires.totpEnrollment).toBe(false);
    expect((await app.http.post('/api/ops.operators.list').set('Cookie', cookie).send({})).status).toBe(200);

    clock.now = new Date(clock.now.getTime() + 60_000);
    const withoutCode = await login(admin.loginName);
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.error.code).toBe('OPS_TOTP_REQUIRED');
    const code = codeAt(secret, clock.now);
    expect((await login(admin.loginName, code)).status).toBe(200);
    // The same code again (a replay, or a second tab) is refused.
    expect((await login(admin.loginName, code)).body.error.code).toBe('OPS_TOTP_INVALID');
  });

  it('other roles are not forced to set it up', async () => {
    const analyst = await buildOperator({ roles: ['analyst'] });
    const cookie = await opsCookieFor(app.http, analyst);
    expect((await app.http.post('/api/ops.me').set('Cookie', cookie).send({})).body.requires.totpEnrollment).toBe(false);
  });
});
