import { ApiError } from '../api/apiError';
import { mintSandboxLoginCode } from '../sandbox/sandboxControl';
import { devLoginUser } from './devLoginUser';

/**
 * The H5 build runs outside WeChat, so there is no wx.login: a development build asks the WeChat sandbox
 * for a login code for a test user (`?as=<name>`, `demo` otherwise). A production H5 build has no login: its
 * sandbox URL is empty (config/env.ts). NODE_ENV is no guide here, since every non-watch `taro build` compiles
 * with NODE_ENV=production, the e2e's development build included.
 */
export async function obtainLoginCode(): Promise<string> {
  if (!process.env.TARO_APP_SANDBOX_URL) {
    throw new ApiError('UNAUTHENTICATED', 401);
  }
  return mintSandboxLoginCode(devLoginUser());
}
