/**
 * What the app reads from `process.env` at build time. The BFF base URL and, in development builds only,
 * the WeChat sandbox's URL (the H5 dev login mints codes there). A production build gets no sandbox URL,
 * so the dev-login code is removed from it.
 */
export function buildEnv(env: NodeJS.ProcessEnv, production: boolean): Record<string, string> {
  const apiBase = env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000';
  const sandboxUrl = production ? '' : (env.TARO_APP_SANDBOX_URL ?? 'http://127.0.0.1:3100');
  return {
    TARO_APP_API_BASE: JSON.stringify(apiBase),
    TARO_APP_SANDBOX_URL: JSON.stringify(sandboxUrl),
  };
}
