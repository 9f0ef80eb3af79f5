export interface RunningSandbox {
  /** Base URL of both WeChat's imitated API and the control API under /__sandbox. */
  url: string;
  stop(): Promise<void>;
}

interface SandboxModule {
  startWechatSandbox(options?: { port?: number }): Promise<RunningSandbox>;
}

/** The WeChat sandbox from scripts/wechat-sandbox (the BFF logs in against it; the H5 build mints codes there). */
export async function startSandbox(): Promise<RunningSandbox> {
  const location = '../../scripts/wechat-sandbox';
  const sandbox = (await import(location)) as SandboxModule;
  return sandbox.startWechatSandbox();
}
