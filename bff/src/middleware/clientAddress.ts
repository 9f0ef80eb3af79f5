import type { Middleware } from 'koa';
import { clientAddress, trustedProxies } from '../http/clientAddress';
import type { CakedayState } from '../http/context';

/**
 * Sets `ctx.ip` (what the rate limits and consent evidence use) to the client's address: X-Forwarded-For counts only
 * when the socket's peer is one of TRUSTED_PROXIES. Koa itself runs with `proxy: false` and trusts no header.
 */
export function clientAddressFrom(trustedProxyEntries: readonly string[]): Middleware<CakedayState> {
  const isTrusted = trustedProxies(trustedProxyEntries);
  return async (ctx, next) => {
    ctx.request.ip = clientAddress(ctx.req.socket.remoteAddress ?? '', ctx.get('X-Forwarded-For'), isTrusted);
    await next();
  };
}
