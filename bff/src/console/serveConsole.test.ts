import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTestApp, testConfig } from '../test/app';

describe('the ops console served under /console/', () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'cakeday-console-'));
  const dist = path.join(outside, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.json'), '{"secret":true}');
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Cakeday 运营后台</title><script type="module" src="/console/assets/index-Ab12Cd34.js"></script>');
  writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log("console");');
  writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  const { http } = buildTestApp({ config: testConfig({ OPS_CONSOLE_DIST: dist }) });

  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('answers /console/ with index.html, never cached', async () => {
    const response = await http.get('/console/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).toContain('Cakeday 运营后台');
  });

  it('answers the console router’s own URLs with index.html', async () => {
    for (const url of ['/console/login', '/console/operators', '/console/audit/123?page=2']) {
      const response = await http.get(url);
      expect([url, response.status, response.headers['cache-control']]).toEqual([url, 200, 'no-store']);
      expect(response.text).toContain('Cakeday 运营后台');
    }
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const response = await http.get('/console/assets/index-Ab12Cd34.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe('console.log("console");');
  });

  it('serves other files of the build, revalidated', async () => {
    const response = await http.get('/console/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, not with the HTML page', async () => {
    const missing = await http.get('/console/assets/index-Old00000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
  });

  it('never serves a file outside the build', async () => {
    for (const url of ['/console/%2e%2e/secret.json', '/console/..%2fsecret.json', '/console/assets/..%2f..%2fsecret.json', '/console/%E0%A4%A']) {
      const response = await http.get(url);
      expect([url, response.status]).toEqual([url, 404]);
      expect(response.text).not.toContain('secret');
    }
  });

  it('redirects /console to /console/', async () => {
    const response = await http.get('/console');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/console/');
  });

  it('leaves the API and the health checks alone', async () => {
    expect((await http.post('/api/system.ping').send({})).status).toBe(200);
    expect((await http.get('/healthz')).status).toBe(200);
    expect((await http.post('/console/').send({})).status).toBe(404);
  });

  it('steps aside when the console has not been built', async () => {
    const bare = buildTestApp({ config: testConfig({ OPS_CONSOLE_DIST: path.join(dist, 'nothing-here') }) });
    expect((await bare.http.get('/console/')).status).toBe(404);
  });
});
