import { startWechatSandbox } from '../../scripts/wechat-sandbox';
import { bffPayEnv, generatePayKeys } from '../../scripts/wechat-sandbox/pay';

export interface RunningSandbox {
  /** Base URL of both WeChat's imitated API and the control API under /__sandbox. */
  url: string;
  /** The BFF's WECHAT_API_BASE and WECHATPAY_* settings that match this sandbox. */
  bffEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** The WeChat sandbox from scripts/wechat-sandbox with a fresh WeChat Pay key set (the BFF logs in and pays against it). */
export async function startSandbox(): Promise<RunningSandbox> {
  const keys = generatePayKeys();
  const sandbox = await startWechatSandbox({ pay: { keys } });
  return { url: sandbox.url, bffEnv: { WECHAT_API_BASE: sandbox.url, ...bffPayEnv(keys, sandbox.url) }, stop: () => sandbox.stop() };
}
