import { Writable } from 'node:stream';
import { buildTestApp, testConfig } from './test/app';
import { handlers } from './api/handlers';
import { AppError, tooManyRequests } from './errors/AppError';
import { createLogger } from './logger';

describe('the app skeleton', () => {
  const { http } = buildTestApp({ now: () => new Date('2026-11-22T16:30:00.000Z') });

  it('answers /healthz while the process is alive', async () => {
    const response = await http.get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('serves a route from the table after validating its input', async () => {
    const response = await http.post('/api/system.ping').send({});
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, serverTime: '2026-11-23T00:30:00+08:00', timezone: 'Asia/Shanghai' });
  });

  it('rejects invalid input with VALIDATION_FAILED and the field paths', async () => {
    const response = await http.post('/api/system.ping').send({ surprise: 1 });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '提交的信息有误，请检查后重试' });
    expect(response.body.error.fields).toEqual([expect.objectContaining({ path: '(body)' })]);
  });

  it('rejects malformed JSON with a 400 and a stable code', async () => {
    const response = await http.post('/api/system.ping').set('Content-Type', 'application/json').send('{"oops"');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('rejects a body over the size limit with 413', async () => {
    const response = await http.post('/api/system.ping').send({ padding: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND', async () => {
    const response = await http.post('/api/nothing.here').send({});
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('echoes a well-formed X-Request-Id and makes one otherwise', async () => {
    const echoed = await http.get('/healthz').set('X-Request-Id', 'req-12345678');
    expect(echoed.headers['x-request-id']).toBe('req-12345678');
    const made = await http.get('/healthz').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const response = await http.get('/healthz');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the OpenAPI document generated from the route table', async () => {
    const response = await http.get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(response.body.paths['/api/system.ping'].post.operationId).toBe('system.ping');
  });

  it('allows the configured H5 origin and no other', async () => {
    const app = buildTestApp({ config: testConfig({ CORS_ORIGINS: 'http://127.0.0.1:10086' }) });
    const allowed = await app.http.options('/api/system.ping').set('Origin', 'http://127.0.0.1:10086');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://127.0.0.1:10086');
    const other = await app.http.post('/api/system.ping').set('Origin', 'https://evil.example').send({});
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('errors', () => {
  it('never exposes internals of a 5xx', async () => {
    const { http } = buildTestApp({}, {
      ...handlers,
      'system.ping': async () => {
        throw new Error('mongo password is hunter2');
      },
    });
    const response = await http.post('/api/system.ping').send({});
    expect(response.status).toBe(500);
    expect(response.body.error).toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it('every 429 carries Retry-After in seconds: the limit\'s own, or a minute when the refusal does not say', async () => {
    const refusing = (error: AppError) => buildTestApp({}, { ...handlers, 'system.ping': async () => { throw error; } });
    const own = await refusing(tooManyRequests(12.2)).http.post('/api/system.ping').send({});
    expect([own.status, own.headers['retry-after']]).toEqual([429, '13']);
    const wechat = await refusing(new AppError(429, 'WECHAT_RATE_LIMITED')).http.post('/api/system.ping').send({});
    expect([wechat.status, wechat.headers['retry-after']]).toEqual([429, '60']);
  });

  it('drops response fields the schema does not name and fails loudly on a contract break', async () => {
    const leaky = buildTestApp({}, {
      ...handlers,
      'system.ping': async () =>
        ({ ok: true, serverTime: '2026-11-23T00:30:00+08:00', timezone: 'Asia/Shanghai', sessionKey: 'secret' }) as never,
    });
    const leakyResponse = await leaky.http.post('/api/system.ping').send({});
    expect(leakyResponse.body).not.toHaveProperty('sessionKey');

    const broken = buildTestApp({}, { ...handlers, 'system.ping': async () => ({ ok: false }) as never });
    expect((await broken.http.post('/api/system.ping').send({})).status).toBe(500);
  });
});

describe('logging', () => {
  it('redacts secrets, tokens and phone numbers', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      { member: { phone: '13812341234', token: 'eyJhbGciOi' }, wechat: { session_key: 'sk==', secret: 'app-secret' } },
      'login',
    );
    const written = lines.join('');
    expect(written).toContain('login');
    for (const secret of ['13812341234', 'eyJhbGciOi', 'sk==', 'app-secret']) expect(written).not.toContain(secret);
  });
});
