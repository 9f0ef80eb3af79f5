import type { AppDeps } from '../http/deps';
import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { createLoginRateLimiter, type LoginRateLimiter } from './loginRateLimiter';
import { loginMember } from './loginMember';
import { logoutMember } from './logoutMember';

const limiters = new WeakMap<AppDeps, LoginRateLimiter>();
const limiterFor = (deps: AppDeps): LoginRateLimiter => {
  const existing = limiters.get(deps);
  if (existing) return existing;
  const created = createLoginRateLimiter(deps.config);
  limiters.set(deps, created);
  return created;
};

export const authHandlers: Pick<RouteHandlers, 'auth.login' | 'auth.logout'> = {
  'auth.login': async (input, { deps, koa }) =>
    loginMember({ code: input.code, ip: koa.ip, referralCode: input.referralCode, shareId: input.shareId }, { deps, limiter: limiterFor(deps), log: koa.state.log }),
  'auth.logout': async (_input, { deps, principal }) => {
    await logoutMember(requireMember(principal).memberId, deps.now());
    return { ok: true };
  },
};
