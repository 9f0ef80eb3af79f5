import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';

useTestDatabase();

describe('session tokens on member routes', () => {
  const clock = { now: new Date('2026-05-10T04:00:00.000Z') };
  const { http } = buildTestApp({ now: () => clock.now });

  afterEach(() => {
    clock.now = new Date('2026-05-10T04:00:00.000Z');
  });

  it('401 UNAUTHENTICATED without a token, with a malformed or a forged one', async () => {
    const member = await buildMember();
    expect((await http.post('/api/members.me').send({})).body.error.code).toBe('UNAUTHENTICATED');
    const malformed = await http.post('/api/members.me').set('Authorization', 'Bearer not-a-jwt').send({});
    expect([malformed.status, malformed.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await http.post('/api/members.me').set('Authorization', await sessionFor(member, { secret: 'x'.repeat(40), now: clock.now })).send({});
    expect([forged.status, forged.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('401 SESSION_EXPIRED once the two hours are over, so the mini-program logs in again silently', async () => {
    const member = await buildMember();
    const token = await sessionFor(member, { now: clock.now });
    expect((await http.post('/api/members.me').set('Authorization', token).send({})).status).toBe(200);
    clock.now = new Date(clock.now.getTime() + 2 * 3600 * 1000 + 1000);
    const expired = await http.post('/api/members.me').set('Authorization', token).send({});
    expect([expired.status, expired.body.error.code, expired.body.error.message]).toEqual([401, 'SESSION_EXPIRED', '登录已过期，请重新登录']);
  });

  it('auth.logout revokes every token of the member at once', async () => {
    const member = await buildMember();
    const phone = await sessionFor(member, { now: clock.now });
    const tablet = await sessionFor(member, { now: clock.now });
    expect((await http.post('/api/auth.logout').send({})).status).toBe(401);
    expect((await http.post('/api/auth.logout').set('Authorization', phone).send({ extra: 1 })).status).toBe(400);
    const loggedOut = await http.post('/api/auth.logout').set('Authorization', phone).send({});
    expect([loggedOut.status, loggedOut.body]).toEqual([200, { ok: true }]);
    for (const token of [phone, tablet]) {
      const after = await http.post('/api/members.me').set('Authorization', token).send({});
      expect([after.status, after.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
});
