import path from 'node:path';
import { startWechatSandbox } from './index';
import { loadOrCreateDevPayKeys } from './pay';

/** `npm run sandbox`: the WeChat sandbox on WECHAT_SANDBOX_PORT (4100), state kept in WECHAT_SANDBOX_STATE if set. */
async function main(): Promise<void> {
  const stateFile = process.env.WECHAT_SANDBOX_STATE ? path.resolve(process.env.WECHAT_SANDBOX_STATE) : undefined;
  // The same development WeChat Pay keys as `npm run dev` (print the BFF's settings with pay/devKeys.ts).
  const keys = loadOrCreateDevPayKeys(path.resolve(__dirname, '../../.data/wechatpay-dev'));
  const sandbox = await startWechatSandbox({ port: Number(process.env.WECHAT_SANDBOX_PORT ?? 4100), host: process.env.WECHAT_SANDBOX_HOST, stateFile, pay: { keys } });
  console.log(sandbox.url);
  console.log(`WeChat sandbox: WECHAT_API_BASE=${sandbox.url}  control API ${sandbox.url}/__sandbox  (appid wx0000000000000000, secret dev-secret)`);
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
