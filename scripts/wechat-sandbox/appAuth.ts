import type { EndpointResult } from './endpoint';
import { fail } from './endpoint';
import type { SandboxState } from './state';

/** appid + secret for the token endpoints: 40013 unknown appid, 40125 wrong secret. */
export function checkCredentials(state: SandboxState, appid: unknown, secret: unknown): EndpointResult | null {
  const app = typeof appid === 'string' ? state.app(appid) : undefined;
  if (!app) return fail(40013, 'invalid appid');
  if (secret !== app.secret) return fail(40125, 'invalid appsecret');
  return null;
}
