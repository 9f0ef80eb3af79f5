import path from 'node:path';
import { startWechatSandbox } from './index';
import { loadOrCreateDevPayKeys } from './pay';
import { pushSettingsFromEnv } from './push/pushSettings';

/**
 * `npm run sandbox`: the WeChat sandbox on WECHAT_SANDBOX_PORT (4100), state kept in WECHAT_SANDBOX_STATE if set.
 * It pushes events to WECHAT_SANDBOX_PUSH_URL (the BFF's /wechat/message-push) with WECHAT_PUSH_TOKEN,
 * WECHAT_PUSH_AES_KEY and WECHAT_PUSH_MODE (the BFF's own variables, same defaults).
 */
async function main(): Promise<void> {
  const stateFile = process.env.WECHAT_SANDBOX_STATE ? path.resolve(process.env.WECHAT_SANDBOX_STATE) : undefined;
  // The same development WeChat Pay keys as `npm run dev` (print the BFF's settings with pay/devKeys.ts).
  const keys = loadOrCreateDevPayKeys(path.resolve(__dirname, '../../.data/wechatpay-dev'));
  const push = pushSettingsFromEnv(process.env);
  const sandbox = await startWechatSandbox({ port: Number(process.env.WECHAT_SANDBOX_PORT ?? 4100), host: process.env.WECHAT_SANDBOX_HOST, stateFile, pay: { keys }, push });
  console.log(sandbox.url);
  console.log(`WeChat sandbox: WECHAT_API_BASE=${sandbox.url}  control API ${sandbox.url}/__sandbox  (appid wx0000000000000000, secret dev-secret)`);
  console.log(push.url ? `  pushing events to ${push.url} (${sandbox.push.settings().mode} mode)` : '  no message push (set WECHAT_SANDBOX_PUSH_URL)');
  const stop = (): void => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
