import path from 'node:path';
import { DESKTOP, launchChromium, openWatchedPage } from '../../miniapp/e2e/browser';
import { freePort } from '../../miniapp/e2e/freePort';
import { startDatabase } from '../../scripts/devdb';
import { startProcess, waitForHttp, type ManagedProcess } from '../../scripts/dev/processes';
import { seedDemoData } from '../../scripts/seed';
import { buildConsole } from './buildConsole';
import { runConsoleJourney } from './consoleJourney';
import { seedReportedPost } from './moderationCase';

const root = path.resolve(__dirname, '../..');
const consoleDir = path.join(root, 'console');
const screenshots = path.join(root, '.artifacts/e2e/console');
/** Another run in the same tree can build into its own folder (E2E_CONSOLE_OUT=dist-x). */
const consoleOut = path.join(consoleDir, process.env.E2E_CONSOLE_OUT ?? 'dist');

type Stop = () => Promise<void>;

/** The BFF as in production, serving the built console under /console/ (same origin as the API and its cookie). */
function startBff(port: number, mongoUri: string): ManagedProcess {
  return startProcess('bff', process.execPath, [require.resolve('tsx/cli'), path.join(root, 'bff/src/main.ts')], {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    MONGODB_URI: mongoUri,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    OPS_CONSOLE_DIST: consoleOut,
    // The journey needs no scheduled job, and no WeChat: nothing here reaches outside.
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    // The mini-program's and the console's stacks run side by side: neither may take the fixed metrics port.
    METRICS_PORT: 'off',
  });
}

/** `npm run test:e2e:console`: the built console served by the BFF on an in-memory database, driven in Chromium. */
async function main(): Promise<void> {
  const stops: Stop[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const database = await startDatabase({ backend: 'memory' });
    stops.push(database.stop);
    const mongoUri = new URL(database.uri);
    mongoUri.pathname = '/cakeday-e2e-console';
    // The demo operators (admin/cakeday-admin-2026 …), as in `npm run dev`.
    await seedDemoData(mongoUri.toString(), () => undefined, { history: true });
    await seedReportedPost(mongoUri.toString());

    buildConsole(consoleOut, 'e2e(console)');
    const bffPort = await freePort();
    const bff = startBff(bffPort, mongoUri.toString());
    stops.push(bff.stop);
    const baseUrl = `http://127.0.0.1:${bffPort}`;
    await waitForHttp(`${baseUrl}/readyz`);

    const browser = await launchChromium();
    stops.push(() => browser.close());
    const steps = await runConsoleJourney({ openPage: () => openWatchedPage(browser, DESKTOP), consoleUrl: `${baseUrl}/console/`, screenshots });
    console.log(`e2e(console): passed, ${steps.length} steps; screenshots in ${path.relative(root, screenshots)}/`);
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
