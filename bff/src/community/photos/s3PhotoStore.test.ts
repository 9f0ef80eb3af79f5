import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { createS3PhotoStore } from './s3PhotoStore';

/**
 * No S3-compatible service runs on our machines, so the adapter is tested against a small stand-in speaking S3's
 * path-style REST (PutObject, GetObject with 404 NoSuchKey, DeleteObjects), which checks the request is signed.
 */
function fakeS3(): { start(): Promise<string>; stop(): Promise<void>; objects: Map<string, { body: Buffer; type: string }>; requests: string[] } {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const requests: string[] = [];
  const read = (request: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks)));
    });
  let server: Server;
  return {
    objects,
    requests,
    start: () =>
      new Promise((resolve) => {
        server = createServer(async (request, response) => {
          const url = new URL(request.url ?? '/', 'http://s3.local');
          requests.push(`${request.method} ${url.pathname}${url.search}`);
          if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=test-key/')) {
            response.writeHead(403).end();
            return;
          }
          const body = await read(request);
          if (request.method === 'PUT') {
            objects.set(url.pathname, { body, type: String(request.headers['content-type']) });
            response.writeHead(200, { ETag: '"x"' }).end();
          } else if (request.method === 'GET') {
            const object = objects.get(url.pathname);
            if (!object) {
              response.writeHead(404, { 'Content-Type': 'application/xml' }).end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
              return;
            }
            response.writeHead(200, { 'Content-Type': object.type, 'Content-Length': object.body.length }).end(object.body);
          } else if (request.method === 'POST' && url.searchParams.has('delete')) {
            for (const [, key] of body.toString().matchAll(/<Key>([^<]+)<\/Key>/g)) objects.delete(`${url.pathname.replace(/\/$/, '')}/${key}`);
            response.writeHead(200, { 'Content-Type': 'application/xml' }).end('<?xml version="1.0"?><DeleteResult></DeleteResult>');
          } else {
            response.writeHead(405).end();
          }
        });
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      }),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const bytesOf = (stream: Readable): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });

describe('the S3-compatible photo store', () => {
  const s3 = fakeS3();
  let endpoint = '';
  beforeAll(async () => {
    endpoint = await s3.start();
  });
  afterAll(() => s3.stop());

  it('puts, gets and deletes photos under the prefix in the bucket (path style, signed)', async () => {
    const store = createS3PhotoStore({ endpoint, region: 'us-east-1', bucket: 'cakeday', accessKeyId: 'test-key', secretAccessKey: 'test-secret', forcePathStyle: true, prefix: 'community/' });
    await store.put('p1/thumb.jpg', Buffer.from('jpeg-bytes'), 'image/jpeg');
    expect(s3.objects.get('/cakeday/community/p1/thumb.jpg')).toEqual({ body: Buffer.from('jpeg-bytes'), type: 'image/jpeg' });
    expect((await bytesOf((await store.get('p1/thumb.jpg'))!)).toString()).toBe('jpeg-bytes');
    expect(await store.get('p1/display.jpg')).toBeNull();
    await store.delete(['p1/thumb.jpg', 'p1/display.jpg']);
    expect(s3.objects.size).toBe(0);
    expect(s3.requests).toContain('POST /cakeday/?delete=');
    await store.delete([]);
  });
});
