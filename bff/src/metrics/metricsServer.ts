import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics } from 'prom-client';
import { metricsRegistry } from './metrics';

export interface MetricsServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** When set, a scrape must carry `Authorization: Bearer <token>`. */
  token?: string;
}

export interface RunningMetricsServer {
  port: number;
  close(): Promise<void>;
}

let defaultMetricsCollected = false;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Compares digests, so that neither the token's content nor its length leaks through timing. */
function authorized(request: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

async function answer(request: IncomingMessage, response: ServerResponse, token: string | undefined): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  if (!authorized(request, token)) {
    response.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer' }).end('unauthorized\n');
    return;
  }
  const body = await metricsRegistry.metrics();
  response.writeHead(200, { 'Content-Type': metricsRegistry.contentType, 'Cache-Control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * GET /metrics in Prometheus text format, on its own port (loopback unless configured otherwise), never on the
 * public API port; optionally behind a bearer token.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<RunningMetricsServer> {
  if (!defaultMetricsCollected) {
    // Process CPU, memory, event-loop lag and GC: read at scrape time.
    collectDefaultMetrics({ register: metricsRegistry });
    defaultMetricsCollected = true;
  }
  const server: Server = createServer((request, response) => {
    answer(request, response, options.token).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('metrics unavailable\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
