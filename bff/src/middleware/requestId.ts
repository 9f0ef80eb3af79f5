import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { CakedayState } from '../http/context';
import type { Logger } from '../logger';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Takes a well-formed X-Request-Id from the caller or makes one, echoes it, and logs the request. */
export function requestContext(logger: Logger): Middleware<CakedayState> {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id');
    const requestId = ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = logger.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const startedAt = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
      ctx.state.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms) }, 'request');
    }
  };
}
