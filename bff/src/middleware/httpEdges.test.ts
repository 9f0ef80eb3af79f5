import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { handlers } from '../api/handlers';
import { conflict } from '../errors/AppError';
import { createLogger } from '../logger';
import { buildTestApp } from '../test/app';

const { http } = buildTestApp({ now: () => new Date('2026-11-22T16:30:00.000Z') });

describe('request bodies', () => {
  it.each(['gzip', 'deflate', 'br'])('a body that does not decode as Content-Encoding %s is 400 with the error shape', async (encoding) => {
    for (const path of ['/api/system.ping', '/wechat/pay/notify']) {
      const response = await http.post(path).set('Content-Type', 'application/json').set('Content-Encoding', encoding).send('{"not":"compressed"}');
      expect([path, response.status, response.body.error?.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
    }
  });

  it('a body that does decode is read', async () => {
    const response = await http.post('/api/system.ping').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize((body) => body).send(gzipSync('{}'));
    expect([response.status, response.body.ok]).toEqual([200, true]);
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'a=b'],
    ['application/xml', '<ping/>'],
  ])('a %s body on the API is 415 UNSUPPORTED_MEDIA_TYPE', async (type, body) => {
    const response = await http.post('/api/system.ping').set('Content-Type', type).send(body);
    expect([response.status, response.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('a body without a content type is 415; no body at all reads as {}', async () => {
    const unnamed = await http.post('/api/system.ping').set('Content-Length', '2').serialize((body) => body).send('{}').unset('Content-Type');
    expect([unnamed.status, unnamed.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect((await http.post('/api/system.ping')).status).toBe(200);
    expect((await http.post('/api/system.ping').set('Content-Type', 'application/json; charset=utf-8').send('{}')).status).toBe(200);
  });
});

describe('methods', () => {
  it.each(['TRACE', 'GET', 'PUT', 'DELETE'])('%s on an API route is 405 with Allow and the error shape', async (method) => {
    const response = await http[method.toLowerCase() as 'trace' | 'get' | 'put' | 'delete']('/api/system.ping');
    expect([response.status, response.headers.allow, response.body.error?.code]).toEqual([405, 'POST', 'METHOD_NOT_ALLOWED']);
  });

  it('TRACE on a path nobody serves is 404', async () => {
    const response = await http.trace('/nothing.here');
    expect([response.status, response.body.error?.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });
});

describe('the access log', () => {
  it('records the status the client got, errors included', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        callback();
      },
    });
    const logged = buildTestApp({ logger: createLogger('info', sink) }, {
      ...handlers,
      'system.ping': async (input) => {
        if ((input as { fail?: string }).fail) throw new Error('boom');
        throw conflict();
      },
    });
    const answers = [
      await logged.http.post('/api/system.ping').send({ surprise: 1 }),
      await logged.http.post('/api/system.ping').send({}),
      await logged.http.post('/api/members.me').send({}),
      await logged.http.post('/api/nothing.here').send({}),
      await logged.http.trace('/api/system.ping'),
      await logged.http.get('/healthz'),
    ];
    const accessLog = lines.map((line) => JSON.parse(line) as { msg: string; requestId: string; status: number }).filter((line) => line.msg === 'request');
    const statusOf = (requestId: string): number | undefined => accessLog.find((line) => line.requestId === requestId)?.status;
    expect(answers.map((answer) => [answer.status, statusOf(answer.headers['x-request-id'] as string)])).toEqual([
      [400, 400],
      [409, 409],
      [401, 401],
      [404, 404],
      [405, 405],
      [200, 200],
    ]);
  });
});
