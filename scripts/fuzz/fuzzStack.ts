import path from 'node:path';
import { freePort } from '../bench/freePort';
import { startProcess, waitForHttp, type ManagedProcess } from '../dev/processes';
import { startDatabase } from '../devdb';
import { seedDemoData } from '../seed';
import { startWechatSandbox } from '../wechat-sandbox';
import { bffPayEnv, generatePayKeys } from '../wechat-sandbox/pay';
import { bffPushEnv } from '../wechat-sandbox/push/pushSettings';

const root = path.resolve(__dirname, '../..');

/** The demo admin the seed creates (scripts/seed/operatorSeeder.ts); development does not ask admins for two-factor. */
const DEMO_ADMIN = { loginName: 'admin', password: 'cakeday-admin-2026' };

export interface FuzzStack {
  /** The BFF's base URL; its OpenAPI document is `${url}/openapi.json`. */
  url: string;
  /** `Bearer <token>` of a member logged in through auth.login against the sandbox. */
  memberAuthorization: string;
  /** `cakeday_ops=<token>` of the demo admin logged in through ops.login. */
  operatorCookie: string;
  stop(): Promise<void>;
}

async function post(url: string, body: object, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`fuzz: POST ${url} answered ${response.status}: ${await response.text()}`);
  return response;
}

/**
 * The in-memory database with the demo data, the WeChat sandbox and the BFF from its sources in development mode
 * (jobs off: the fuzzer's requests alone; its errors printed, prefixed [bff]); then a member and the demo admin log in.
 */
export async function startFuzzStack(): Promise<FuzzStack> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const database = await startDatabase({ backend: 'memory', log: () => undefined });
    stops.push(() => database.stop());
    const mongoUri = new URL(database.uri);
    mongoUri.pathname = '/cakeday-fuzz';
    await seedDemoData(mongoUri.toString(), () => undefined);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const keys = generatePayKeys();
    const sandbox = await startWechatSandbox({ pay: { keys }, push: { url: `${url}/wechat/message-push`, mode: 'safe' } });
    stops.push(() => sandbox.stop());

    const bff: ManagedProcess = startProcess('bff', process.execPath, [require.resolve('tsx/cli'), path.join(root, 'bff/src/main.ts')], {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      METRICS_PORT: 'off',
      MONGODB_URI: mongoUri.toString(),
      PUBLIC_BASE_URL: url,
      WECHAT_API_BASE: sandbox.url,
      WECOM_WEBHOOK_BASE: sandbox.url,
      ...bffPayEnv(keys, sandbox.url),
      ...bffPushEnv(sandbox.push.settings()),
      JOBS_ENABLED: 'false',
      // The fuzzer sends thousands of requests from one address: the limits are tested elsewhere.
      LOGIN_LIMIT_PER_IP_PER_MINUTE: '100000',
      LOGIN_LIMIT_PER_OPENID_PER_MINUTE: '100000',
      HELP_ASSIST_LIMIT_PER_MEMBER_PER_MINUTE: '100000',
      HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE: '100000',
      OPS_LOGIN_LIMIT_PER_IP_PER_MINUTE: '100000',
      LOG_LEVEL: 'error',
    });
    stops.push(() => bff.stop());
    await waitForHttp(`${url}/readyz`, 120_000);

    const { code } = await sandbox.control.loginCode({ user: 'fuzz-member' });
    const login = (await (await post(`${url}/api/auth.login`, { code })).json()) as { token: string };
    const opsLogin = await post(`${url}/api/ops.login`, DEMO_ADMIN);
    const session = opsLogin.headers.getSetCookie().find((cookie) => cookie.startsWith('cakeday_ops='));
    if (!session) throw new Error('fuzz: ops.login set no session cookie');
    return { url, memberAuthorization: `Bearer ${login.token}`, operatorCookie: session.split(';')[0] ?? session, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
