import type { Middleware } from 'koa';
import type { CakedayState } from '../http/context';
import { httpErrors, httpRequestDuration, httpRequests, secondsSince } from './metrics';

/** What a request is counted under: its route table name, the path pattern it matched, or `unmatched`. */
function routeLabel(ctx: { state: CakedayState; _matchedRoute?: unknown }): string {
  if (ctx.state.routeName) return ctx.state.routeName;
  return typeof ctx._matchedRoute === 'string' ? ctx._matchedRoute : 'unmatched';
}

function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body as { error: unknown };
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Counts and times every request by route name (never the raw path, whose ids would explode the label set). The
 * outermost middleware: it sees the status and error body the client got.
 */
export function measureRequests(): Middleware<CakedayState> {
  return async (ctx, next) => {
    const startedAt = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const route = routeLabel(ctx);
      httpRequests.inc({ route, status: String(ctx.status) });
      httpRequestDuration.observe({ route }, secondsSince(startedAt));
      if (ctx.status >= 400) httpErrors.inc({ route, code: errorCodeOf(ctx.body) ?? `HTTP_${ctx.status}` });
    }
  };
}
