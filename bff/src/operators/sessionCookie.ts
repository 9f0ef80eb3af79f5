import type { Config } from '../config/config';
import type { CakedayContext } from '../http/context';

/**
 * The console's session cookie: httpOnly (no script reads it), SameSite=Strict (no other site's page sends it) and,
 * in production, Secure with the __Host- prefix (HTTPS only, this host only, path /).
 */
export function sessionCookieName(config: Pick<Config, 'NODE_ENV'>): string {
  return config.NODE_ENV === 'production' ? '__Host-cakeday_ops' : 'cakeday_ops';
}

export function readSessionCookie(ctx: CakedayContext, config: Pick<Config, 'NODE_ENV'>): string | undefined {
  return ctx.cookies.get(sessionCookieName(config)) || undefined;
}

export function writeSessionCookie(ctx: CakedayContext, config: Pick<Config, 'NODE_ENV'>, token: string, expiresAt: Date): void {
  ctx.cookies.set(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.NODE_ENV === 'production',
    path: '/',
    expires: expiresAt,
    overwrite: true,
  });
}

export function clearSessionCookie(ctx: CakedayContext, config: Pick<Config, 'NODE_ENV'>): void {
  ctx.cookies.set(sessionCookieName(config), '', {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.NODE_ENV === 'production',
    path: '/',
    expires: new Date(0),
    overwrite: true,
  });
}
