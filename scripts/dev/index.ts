import path from 'node:path';
import { DevDatabaseToolchainError, startDatabase, type RunningDatabase } from '../devdb';
import { seedDemoData } from '../seed';
import { DEMO_OPERATORS } from '../seed/operatorSeeder';
import { startWechatSandbox, type RunningWechatSandbox } from '../wechat-sandbox';
import { bffPayEnv, loadOrCreateDevPayKeys } from '../wechat-sandbox/pay';
import { bffPushEnv, pushSettingsFromEnv } from '../wechat-sandbox/push/pushSettings';
import { bffSmsEnv } from '../wechat-sandbox/sms/smsSettings';
import { startProcess, waitForHttp, type ManagedProcess } from './processes';

const root = path.resolve(__dirname, '../..');
const DEVDB_PORT = Number(process.env.DEVDB_PORT ?? 27018);
const BFF_PORT = Number(process.env.BFF_PORT ?? 3000);
const H5_PORT = Number(process.env.H5_PORT ?? 10086);
const H5_ORIGIN = `http://127.0.0.1:${H5_PORT}`;
const SANDBOX_PORT = Number(process.env.WECHAT_SANDBOX_PORT ?? 4100);
const CONSOLE_PORT = Number(process.env.CONSOLE_PORT ?? 5173);
// The console's dev server proxies /api to the BFF, so the session cookie is its own; the BFF still checks the Origin.
const CONSOLE_ORIGINS = [`http://127.0.0.1:${CONSOLE_PORT}`, `http://localhost:${CONSOLE_PORT}`];

/** `npm run dev`: the H2-backed database, demo data, and the BFF with file watching. Ctrl-C stops all. */
async function main(): Promise<void> {
  const processes: ManagedProcess[] = [];
  const running: { database?: RunningDatabase; sandbox?: RunningWechatSandbox } = {};
  let stopping = false;
  const stopAll = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping...');
    for (const managed of [...processes].reverse()) await managed.stop();
    await running.sandbox?.stop();
    await running.database?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const database = await startDatabase({ backend: 'file', file: path.join(root, '.data/dev.h2'), port: DEVDB_PORT });
  const mongoUri = new URL(database.uri);
  mongoUri.pathname = '/cakeday';
  running.database = database;
  await seedDemoData(mongoUri.toString(), console.log, { history: true });

  // WeChat's imitation (login codes, tokens, messages, Pay) for the BFF and the H5 build; its state survives restarts.
  // One fixed WeChat Pay key set for development (.data/wechatpay-dev/), shared by the sandbox and the BFF.
  const payKeys = loadOrCreateDevPayKeys(path.join(root, '.data/wechatpay-dev'));
  // It pushes events (subscription answers, send receipts, media verdicts) to the BFF, a few seconds after a media check.
  const push = { ...pushSettingsFromEnv(process.env), url: `http://127.0.0.1:${BFF_PORT}/wechat/message-push` };
  // Tencent Cloud SMS's receipts and members' replies go to the BFF with its development callback token.
  const smsCallbacks = (kind: 'status' | 'reply'): string => `http://127.0.0.1:${BFF_PORT}/sms/callbacks/${kind}?token=cakedayDevSmsCallbackToken2026`;
  const sms = { statusCallbackUrl: smsCallbacks('status'), replyCallbackUrl: smsCallbacks('reply') };
  const sandbox = await startWechatSandbox({ port: SANDBOX_PORT, stateFile: path.join(root, '.data/wechat-sandbox.json'), pay: { keys: payKeys }, push, sms });
  running.sandbox = sandbox;

  const bff = startProcess('bff', process.execPath, [require.resolve('tsx/cli'), 'watch', '--clear-screen=false', path.join(root, 'bff/src/main.ts')], {
    NODE_ENV: 'development',
    PORT: String(BFF_PORT),
    CORS_ORIGINS: [H5_ORIGIN, `http://localhost:${H5_PORT}`].join(','),
    MONGODB_URI: mongoUri.toString(),
    WECHAT_API_BASE: sandbox.url,
    ...bffPayEnv(payKeys, sandbox.url),
    ...bffPushEnv(sandbox.push.settings()),
    ...bffSmsEnv(sandbox.url),
    WECOM_WEBHOOK_BASE: sandbox.url,
    PUBLIC_BASE_URL: `http://127.0.0.1:${BFF_PORT}`,
    OPS_CONSOLE_ORIGINS: CONSOLE_ORIGINS.join(','),
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

  // The ops console's vite dev server (hot reload), under /console/ as the BFF serves it in production.
  const opsConsole = startProcess('console', 'npm', ['run', '--silent', 'dev', '-w', '@cakeday/console'], {
    CONSOLE_PORT: String(CONSOLE_PORT),
    CONSOLE_BFF_URL: `http://127.0.0.1:${BFF_PORT}`,
  });
  processes.push(opsConsole);

  // The mini-program's H5 build with its dev server; it logs in through the sandbox as `?as=<name>`.
  const h5 = startProcess('h5', 'npm', ['run', '--silent', 'dev:h5', '-w', '@cakeday/miniapp'], {
    H5_PORT: String(H5_PORT),
    TARO_APP_API_BASE: `http://127.0.0.1:${BFF_PORT}`,
    TARO_APP_SANDBOX_URL: sandbox.url,
  });
  processes.push(h5);
  await waitForHttp(H5_ORIGIN, 180_000);
  await waitForHttp(`${CONSOLE_ORIGINS[0]}/console/`, 60_000);
  const operatorLogins = DEMO_OPERATORS.map((operator) => `${operator.loginName} / ${operator.password}`).join(', ');

  console.log(
    [
      '',
      'Cakeday is running:',
      `  database  ${mongoUri.toString()}  (H2 file .data/dev.h2${database.embedded ? '' : '; MONGODB_URI given, nothing started'})`,
      `  BFF       http://127.0.0.1:${BFF_PORT}   (/readyz, /openapi.json)`,
      `  WeChat    ${sandbox.url}   (sandbox; control API ${sandbox.url}/__sandbox, state .data/wechat-sandbox.json; pushes to the BFF in ${sandbox.push.settings().mode} mode)`,
      `  H5        ${H5_ORIGIN}/?as=demo#/pages/home/index   (open this: logged in as the demo member)`,
      `  Console   ${CONSOLE_ORIGINS[0]}/console/   (ops console, hot reload; log in as ${operatorLogins})`,
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof DevDatabaseToolchainError ? error.message : error);
  process.exit(1);
});
