import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from '../http/deps';
import { buildTestApp } from './app';

/**
 * Several BFF app instances (separate Koa apps with their own dependencies, each behind its own HTTP server)
 * on the test database: nothing is shared in memory, so they meet only in the database, as in production.
 * Returns the base URL of instance `index % count`, for spreading requests over them. `overrides` go to each
 * instance's dependencies (a shared clock).
 */
export function useAppInstances(count: number, overrides: Partial<AppDeps> = {}): (index: number) => string {
  const servers: Server[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    for (let index = 0; index < count; index += 1) {
      const server = createServer(buildTestApp(overrides).server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  return (index) => urls[index % count] ?? '';
}
