import type { Middleware } from 'koa';
import { AppError } from '../errors/AppError';
import type { CakedayState } from '../http/context';

/**
 * Wraps the router's allowedMethods, which answers a bare 405 for a method a path does not take and 501 for a
 * method the router does not know at all (TRACE): both become 405 with Allow and the error shape; a path nobody
 * serves stays a 404.
 */
export function methodNotAllowed(): Middleware<CakedayState> {
  return async (ctx, next) => {
    await next();
    if ((ctx.status !== 405 && ctx.status !== 501) || ctx.body !== undefined) return;
    if (ctx.response.get('Allow')) throw new AppError(405, 'METHOD_NOT_ALLOWED');
    ctx.remove('Allow');
    ctx.status = 404;
  };
}
