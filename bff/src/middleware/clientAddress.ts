import type { Middleware } from 'koa';
import { clientAddress, normalizeAddress, trustedProxies } from '../http/clientAddress';
import type { CakedayState } from '../http/context';

/**
 * Sets `ctx.ip` (what the rate limits and consent evidence use) to the client's address: X-Forwarded-For counts only
 * when the socket's peer is one of TRUSTED_PROXIES (and X-Forwarded-Proto, for Secure cookies). Koa itself runs with
 * `proxy: false` and trusts no header.
 */
export function clientAddressFrom(trustedProxyEntries: readonly string[]): Middleware<CakedayState> {
  const isTrusted = trustedProxies(trustedProxyEntries);
  return async (ctx, next) => {
    const peer = ctx.req.socket.remoteAddress ?? '';
    ctx.request.ip = clientAddress(peer, ctx.get('X-Forwarded-For'), isTrusted);
    // TLS ends at the load balancer: a trusted proxy's X-Forwarded-Proto says the client's connection was HTTPS,
    // so the console's Secure session cookie may be set (Koa alone would refuse it on the plain hop behind).
    if (isTrusted(normalizeAddress(peer)) && ctx.get('X-Forwarded-Proto').split(',')[0]?.trim() === 'https') ctx.cookies.secure = true;
    await next();
  };
}
