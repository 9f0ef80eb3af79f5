import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWechatSandbox, type RunningWechatSandbox } from '../../../scripts/wechat-sandbox';
import { bffPayEnv, generatePayKeys, type PayKeyMaterial, type PayKeyMode, type PaySandboxControl } from '../../../scripts/wechat-sandbox/pay';
import type { Config } from '../config/config';

// Key generation costs a few hundred milliseconds; one set serves every test file of a worker.
let sharedKeys: PayKeyMaterial | undefined;

export interface PaySandboxHarness {
  /** The whole WeChat sandbox (WECHAT_API_BASE too), with WeChat Pay's controls on `pay`. */
  sandbox: RunningWechatSandbox;
  pay: PaySandboxControl;
  keys: PayKeyMaterial;
  /** Where the sandbox delivers notifications: `${listener}/wechat/pay/notify`. */
  notifyUrl: string;
  /** testConfig(...) overrides: WECHAT_API_BASE, WECHATPAY_* (keys inline) and WECHATPAY_NOTIFY_URL. */
  config: Partial<Record<keyof Config, string>>;
  /** Routes notifications to this listener, e.g. the test app's `server` (callback) from buildTestApp. */
  serve(listener: RequestListener): void;
}

/**
 * Starts the WeChat sandbox with WeChat Pay for this test file, plus a real HTTP listener for notify_url (supertest
 * apps do not listen, and the sandbox must POST to them). Retries run 100 000× faster than WeChat's schedule.
 */
export function usePaySandbox(options: { keyMode?: PayKeyMode; timeScale?: number } = {}): () => PaySandboxHarness {
  let harness: PaySandboxHarness | undefined;
  let stopListener: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    sharedKeys ??= generatePayKeys();
    const keys = sharedKeys;
    let target: RequestListener | undefined;
    const listener = createServer((request, response) => {
      if (target) return void target(request, response);
      response.writeHead(503, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ code: 'FAIL', message: '失败' }));
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
    stopListener = () =>
      new Promise<void>((resolve) => {
        listener.close(() => resolve());
        listener.closeAllConnections();
      });
    const notifyUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/wechat/pay/notify`;
    const sandbox = await startWechatSandbox({ pay: { keys, keyMode: options.keyMode ?? 'publicKey', timeScale: options.timeScale ?? 0.00001 } });
    harness = {
      sandbox,
      pay: sandbox.pay,
      keys,
      notifyUrl,
      config: {
        WECHAT_API_BASE: sandbox.url,
        ...bffPayEnv(keys, sandbox.url, 'publicKey'),
        WECHATPAY_NOTIFY_URL: notifyUrl,
      },
      serve: (next) => {
        target = next;
      },
    };
  });
  afterAll(async () => {
    await harness?.sandbox.stop();
    await stopListener?.();
  });
  return () => {
    if (!harness) throw new Error('usePaySandbox() starts the sandbox in beforeAll');
    return harness;
  };
}
