import { buildTestApp } from '../test/app';
import { httpRequests } from './metrics';
import { startMetricsServer, type RunningMetricsServer } from './metricsServer';

const TOKEN = 'scrape-token-0123456789abcdef';

describe('the metrics endpoint is not public', () => {
  it('the API port does not serve /metrics', async () => {
    const { http } = buildTestApp();
    const response = await http.get('/metrics');
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('cakeday_http_requests_total');
  });

  describe('with METRICS_TOKEN', () => {
    let server: RunningMetricsServer;
    beforeAll(async () => {
      server = await startMetricsServer({ host: '127.0.0.1', port: 0, token: TOKEN });
    });
    afterAll(() => server.close());
    const scrape = (headers: Record<string, string> = {}, path = '/metrics'): Promise<Response> =>
      fetch(`http://127.0.0.1:${server.port}${path}`, { headers });

    it('answers 401 without the token or with another one', async () => {
      const none = await scrape();
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect(await none.text()).not.toContain('cakeday_');
      expect((await scrape({ Authorization: 'Bearer not-the-scrape-token-000' })).status).toBe(401);
      expect((await scrape({ Authorization: `Basic ${TOKEN}` })).status).toBe(401);
    });

    it('serves the Prometheus text format with the token', async () => {
      httpRequests.inc({ route: 'members.me', status: '200' });
      const response = await scrape({ Authorization: `Bearer ${TOKEN}` });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      expect(text).toContain('# TYPE cakeday_http_requests_total counter');
      expect(text).toMatch(/cakeday_http_requests_total\{route="members\.me",status="200"\} \d+/);
      expect(text).toContain('process_cpu_seconds_total');
    });

    it('serves nothing else', async () => {
      expect((await scrape({ Authorization: `Bearer ${TOKEN}` }, '/')).status).toBe(404);
      expect((await scrape({ Authorization: `Bearer ${TOKEN}` }, '/api/members.me')).status).toBe(404);
    });
  });

  it('without a token (loopback only), serves anyone who can reach the port', async () => {
    const server = await startMetricsServer({ host: '127.0.0.1', port: 0 });
    try {
      expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
