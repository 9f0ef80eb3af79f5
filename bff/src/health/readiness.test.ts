import { createServer } from 'node:net';
import { startDatabase, type RunningDatabase } from '../../../scripts/devdb';
import { connectDatabase, disconnectDatabase } from '../db/database';
import { buildTestApp } from '../test/app';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForStatus(check: () => Promise<number>, wanted: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let status = await check();
  while (status !== wanted && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = await check();
  }
  return status;
}

describe('/readyz follows the database', () => {
  let database: RunningDatabase | undefined;
  afterAll(async () => {
    await disconnectDatabase();
    await database?.stop();
  });

  it('is 200 while the database answers, 503 while it is down, and 200 again when it returns', async () => {
    const port = await freePort();
    database = await startDatabase({ backend: 'memory', port, ignoreEnvironment: true });
    await connectDatabase(`${database.uri}readiness`);
    const { http } = buildTestApp();
    const readyz = async (): Promise<number> => (await http.get('/readyz')).status;

    expect(await readyz()).toBe(200);

    await database.stop();
    expect(await waitForStatus(readyz, 503, 10_000)).toBe(503);
    expect((await http.get('/healthz')).status).toBe(200);

    database = await startDatabase({ backend: 'memory', port, ignoreEnvironment: true });
    expect(await waitForStatus(readyz, 200, 20_000)).toBe(200);
  });
});
