import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startDatabase } from '../../scripts/devdb';
import { seedDemoData } from '../../scripts/seed';
import { startProcess, waitForHttp, type ManagedProcess } from '../../scripts/dev/processes';
import { buildConsole } from '../../console/e2e/buildConsole';
import { launchChromium, openWatchedPage } from './browser';
import { type E2eContext } from './context';
import { freePort } from './freePort';
import { runBirthdayJourney } from './birthdayJourney';
import { runCampaignJourney } from './campaignJourney';
import { runCommunityJourney } from './communityJourney';
import { runMemberJourney } from './journey';
import { runMallJourney } from './mallJourney';
import { runOpsAdjustmentJourney } from './opsAdjustmentJourney';
import { runPosJourney } from './posJourney';
import { runProfileJourney } from './profileJourney';
import { startSandbox } from './sandbox';
import { serveStatic } from './staticServer';

const root = path.resolve(__dirname, '../..');
const miniapp = path.join(root, 'miniapp');
const screenshots = path.join(root, '.artifacts/e2e');
/** Another e2e run in the same tree can build into its own folder (E2E_H5_OUT=dist/h5-x). */
const h5Out = process.env.E2E_H5_OUT ?? 'dist/h5';
/** The console this stack's BFF serves (the community journey's moderator uses it); apart from the console suite's. */
const consoleOut = path.join(root, process.env.E2E_MINIAPP_CONSOLE_OUT ?? '.artifacts/miniapp-e2e-console');

type Stop = () => Promise<void>;

function buildH5(apiBase: string, sandboxUrl: string): void {
  console.log('e2e: building H5 (development build, with the sandbox login)...');
  const build = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: miniapp,
    env: { ...process.env, NODE_ENV: 'development', TARO_APP_API_BASE: apiBase, TARO_APP_SANDBOX_URL: sandboxUrl },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    throw new Error('e2e: the H5 build failed');
  }
}

function startBff(port: number, mongoUri: string, wechatEnv: Record<string, string>, appOrigin: string): ManagedProcess {
  return startProcess('bff', process.execPath, [require.resolve('tsx/cli'), path.join(root, 'bff/src/main.ts')], {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    MONGODB_URI: mongoUri,
    ...wechatEnv,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    CORS_ORIGINS: appOrigin,
    OPS_CONSOLE_DIST: consoleOut,
    LOG_LEVEL: 'warn',
    // The campaign journey moves the BFF's clock forward (T-7, then the birthday); production refuses this.
    TEST_CLOCK: 'true',
    // The mini-program's and the console's stacks run side by side: neither may take the fixed metrics port.
    METRICS_PORT: 'off',
  });
}

/** `npm run test:e2e`: the whole stack in memory, the H5 build in Chromium, one new member's journey. */
async function main(): Promise<void> {
  const stops: Stop[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const database = await startDatabase({ backend: 'memory' });
    stops.push(database.stop);
    const mongoUri = new URL(database.uri);
    mongoUri.pathname = '/cakeday-e2e';
    // The demo catalog, store, staff allowance (the `demo` user) and birthday packages, as in `npm run dev`.
    await seedDemoData(mongoUri.toString(), () => undefined);

    const [bffPort, appPort] = [await freePort(), await freePort()];
    const sandbox = await startSandbox(`http://127.0.0.1:${bffPort}/wechat/message-push`);
    stops.push(sandbox.stop);

    const appOrigin = `http://127.0.0.1:${appPort}`;
    const bff = startBff(bffPort, mongoUri.toString(), sandbox.bffEnv, appOrigin);
    stops.push(bff.stop);
    const apiBase = `http://127.0.0.1:${bffPort}`;

    // E2E_ONLY=community,mall runs only those journeys (while working on one); CI runs them all.
    const only = process.env.E2E_ONLY?.split(',').map((name) => name.trim());
    buildH5(apiBase, sandbox.url);
    if (!only || only.includes('community')) buildConsole(consoleOut, 'e2e');
    await waitForHttp(`${apiBase}/readyz`);
    const site = await serveStatic(path.join(miniapp, h5Out), appPort);
    stops.push(site.stop);

    const browser = await launchChromium();
    stops.push(() => browser.close());
    const context: E2eContext = { browser, appUrl: site.url, apiBase, consoleUrl: `${apiBase}/console/`, sandboxUrl: sandbox.url, screenshots };
    const journeys: [name: string, run: () => Promise<string[]>][] = [
      ['member', async () => runMemberJourney(await openWatchedPage(browser), { appUrl: site.url, screenshots, user: `e2e-${randomBytes(4).toString('hex')}`, sandboxUrl: sandbox.url })],
      // Each journey below opens its own browser contexts (one per person) through `context.browser`.
      ['birthday', () => runBirthdayJourney(context)],
      ['mall', () => runMallJourney(context)],
      // After the mall (which counts the demo member's points from the seed's balance).
      ['opsAdjustment', () => runOpsAdjustmentJourney(context)],
      ['profile', () => runProfileJourney(context)],
      ['community', () => runCommunityJourney(context)],
      ['pos', () => runPosJourney(context)],
      // Last: it moves the BFF's clock forward by weeks (sessions, unpaid orders and leases of earlier journeys expire).
      ['campaign', () => runCampaignJourney(context)],
    ];
    const steps: string[] = [];
    for (const [name, run] of journeys) if (!only || only.includes(name)) steps.push(...(await run()));
    console.log(`e2e: passed, ${steps.length} steps; screenshots in ${path.relative(root, screenshots)}/`);
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
