import type { Server } from 'node:http';
import type { Config } from '../config/config';

/**
 * Keeps idle keep-alive connections for HTTP_KEEP_ALIVE_TIMEOUT_MS (past the load balancer's idle timeout, so the
 * balancer never reuses a connection the BFF has just closed), and waits a little longer than that for a request's
 * headers, as Node requires (headersTimeout above keepAliveTimeout).
 */
export function applyServerTimeouts(server: Server, config: Pick<Config, 'HTTP_KEEP_ALIVE_TIMEOUT_MS'>): void {
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1000;
}
