import { once } from 'node:events';
import mongoose from 'mongoose';
import { startDatabase, type RunningDatabase } from '../../../scripts/devdb';
import { connectDatabase, disconnectDatabase } from '../db/database';
import { buildTestApp } from '../test/app';
import { startTcpRelay, type TcpRelay } from '../test/tcpRelay';

const portOf = (uri: string): number => Number(new URL(uri).port);

describe('/readyz follows the database', () => {
  let database: RunningDatabase | undefined;
  let relay: TcpRelay | undefined;
  afterAll(async () => {
    await disconnectDatabase();
    await database?.stop();
    await relay?.close();
  });

  it('is 200 while the database answers, 503 while it is down, and 200 again when it returns', async () => {
    // The BFF reaches the database through a relay that keeps one port while the database behind it restarts.
    relay = await startTcpRelay();
    database = await startDatabase({ backend: 'memory', ignoreEnvironment: true });
    relay.retarget(portOf(database.uri));
    await connectDatabase(`mongodb://127.0.0.1:${relay.port}/readiness`);
    const { http } = buildTestApp();
    const readyz = async (): Promise<number> => (await http.get('/readyz')).status;

    expect(await readyz()).toBe(200);

    const lost = once(mongoose.connection, 'disconnected');
    await database.stop();
    await lost;
    expect(await readyz()).toBe(503);
    expect((await http.get('/healthz')).status).toBe(200);

    const back = once(mongoose.connection, 'connected');
    database = await startDatabase({ backend: 'memory', ignoreEnvironment: true });
    relay.retarget(portOf(database.uri));
    await back;
    expect(await readyz()).toBe(200);
  }, 120_000);
});
