import path from 'node:path';
import { DevDatabaseToolchainError, startDatabase, type RunningDatabase } from '../devdb';
import { seedDemoData } from '../seed';
import { startProcess, waitForHttp, type ManagedProcess } from './processes';

const root = path.resolve(__dirname, '../..');
const DEVDB_PORT = Number(process.env.DEVDB_PORT ?? 27018);
const BFF_PORT = Number(process.env.BFF_PORT ?? 3000);

/** `npm run dev`: the H2-backed database, demo data, and the BFF with file watching. Ctrl-C stops all. */
async function main(): Promise<void> {
  const processes: ManagedProcess[] = [];
  const running: { database?: RunningDatabase } = {};
  let stopping = false;
  const stopAll = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping...');
    for (const managed of [...processes].reverse()) await managed.stop();
    await running.database?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const database = await startDatabase({ backend: 'file', file: path.join(root, '.data/dev.h2'), port: DEVDB_PORT });
  const mongoUri = new URL(database.uri);
  mongoUri.pathname = '/cakeday';
  running.database = database;
  await seedDemoData(mongoUri.toString());

  const bff = startProcess('bff', process.execPath, [require.resolve('tsx/cli'), 'watch', '--clear-screen=false', path.join(root, 'bff/src/main.ts')], {
    NODE_ENV: 'development',
    PORT: String(BFF_PORT),
    MONGODB_URI: mongoUri.toString(),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  });
  processes.push(bff);
  bff.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`bff exited with code ${code}`);
      void stopAll(1);
    }
  });
  await waitForHttp(`http://127.0.0.1:${BFF_PORT}/healthz`);

  console.log(
    [
      '',
      'Cakeday is running:',
      `  database  ${mongoUri.toString()}  (H2 file .data/dev.h2${database.embedded ? '' : '; MONGODB_URI given, nothing started'})`,
      `  BFF       http://127.0.0.1:${BFF_PORT}   (/readyz, /openapi.json)`,
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof DevDatabaseToolchainError ? error.message : error);
  process.exit(1);
});
