import type { AppDeps } from '../http/deps';
import type { RouteHandlers } from '../http/routeHandler';
import { createEventsRateLimiter, type EventsRateLimiter } from './eventsRateLimiter';
import { trackClientEvents } from './trackClientEvents';

const limiters = new WeakMap<AppDeps, EventsRateLimiter>();
const limiterFor = (deps: AppDeps): EventsRateLimiter => {
  const limiter = limiters.get(deps) ?? createEventsRateLimiter();
  limiters.set(deps, limiter);
  return limiter;
};

export const eventsHandlers: Pick<RouteHandlers, 'events.track'> = {
  'events.track': async (input, { deps, koa, principal }) => {
    const memberId = principal?.memberId ?? null;
    await limiterFor(deps)(memberId ? `member:${memberId}` : `ip:${koa.ip}`);
    return trackClientEvents(input.events, { memberId, now: deps.now() });
  },
};
