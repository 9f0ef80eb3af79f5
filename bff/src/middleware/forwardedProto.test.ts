import Koa from 'koa';
import request from 'supertest';
import type { CakedayState } from '../http/context';
import { clientAddressFrom } from './clientAddress';

/** The BFF's client-address middleware in front of a handler that sets a Secure cookie, as ops.login does in production. */
function appTrusting(proxies: readonly string[]): Koa<CakedayState> {
  const app = new Koa<CakedayState>({ proxy: false });
  app.use(clientAddressFrom(proxies));
  app.use((ctx) => {
    try {
      ctx.cookies.set('session', 'token', { secure: true, httpOnly: true });
      ctx.body = { set: true };
    } catch {
      ctx.body = { set: false };
    }
  });
  return app;
}

describe('X-Forwarded-Proto (TLS ends at the load balancer)', () => {
  it("a trusted proxy's https lets a Secure cookie be set on the plain hop behind it", async () => {
    const response = await request(appTrusting(['127.0.0.1', '::1']).callback()).get('/').set('X-Forwarded-Proto', 'https');
    expect(response.body).toEqual({ set: true });
    expect(String(response.headers['set-cookie'])).toContain('secure');
  });

  it('is ignored from an untrusted peer, and http stays http', async () => {
    expect((await request(appTrusting([]).callback()).get('/').set('X-Forwarded-Proto', 'https')).body).toEqual({ set: false });
    expect((await request(appTrusting(['127.0.0.1', '::1']).callback()).get('/').set('X-Forwarded-Proto', 'http')).body).toEqual({ set: false });
  });
});
