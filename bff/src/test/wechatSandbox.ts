import type { Config } from '../config/config';
import { startWechatSandbox, type RunningWechatSandbox, type SandboxControl } from '../../../scripts/wechat-sandbox';
import { testConfig } from './app';

export interface WechatSandboxHarness {
  /** The sandbox's base URL (WECHAT_API_BASE); available from beforeAll on. */
  url(): string;
  /** The typed control API: login and phone codes, subscriptions, faults, the outbox. */
  control(): SandboxControl;
  /** testConfig() pointing the BFF's WeChat adapters at this sandbox. */
  config(overrides?: Partial<Record<keyof Config, string>>): Config;
}

/**
 * One real WeChat sandbox per jest file, over HTTP on a free port: started in beforeAll, stopped in afterAll.
 * Register it before building the app, and build the app in a beforeAll (the URL exists only from then on).
 */
export function useWechatSandbox(): WechatSandboxHarness {
  let running: RunningWechatSandbox | undefined;
  beforeAll(async () => {
    running = await startWechatSandbox({ port: 0 });
  });
  afterAll(async () => {
    await running?.stop();
  });
  const started = (): RunningWechatSandbox => {
    if (!running) throw new Error('useWechatSandbox: the sandbox starts in beforeAll; build the app in a beforeAll too');
    return running;
  };
  return {
    url: () => started().url,
    control: () => started().control,
    config: (overrides = {}) => testConfig({ WECHAT_API_BASE: started().url, ...overrides }),
  };
}
