import type { Middleware } from 'koa';
import type { CakedayState } from '../http/context';

/** Lets the H5 build on its own origin call the API; bearer tokens only, never cookies. */
export function cors(allowedOrigins: readonly string[]): Middleware<CakedayState> {
  const allowed = new Set(allowedOrigins);
  return async (ctx, next) => {
    const origin = ctx.get('Origin');
    if (origin && allowed.has(origin)) {
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Vary', 'Origin');
      ctx.set('Access-Control-Expose-Headers', 'X-Request-Id');
      if (ctx.method === 'OPTIONS') {
        ctx.set('Access-Control-Allow-Methods', 'GET,POST,OPTIONS');
        ctx.set('Access-Control-Allow-Headers', 'Authorization,Content-Type,X-Request-Id');
        ctx.set('Access-Control-Max-Age', '600');
        ctx.status = 204;
        return;
      }
    }
    await next();
  };
}
