import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'cakeday-bff';
const AUDIENCE = 'cakeday-miniapp';

export interface SessionClaims {
  memberId: string;
  /** The member's tokenVersion when the token was issued; a bump revokes the token. */
  tokenVersion: number;
}

export type SessionVerdict = { ok: true; claims: SessionClaims } | { ok: false; reason: 'expired' | 'invalid' };

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/** An HS256 JWT with the member id and token version; it carries nothing from WeChat. */
export async function issueSessionToken(
  claims: SessionClaims,
  options: { secret: string; ttlSeconds: number; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(options.now.getTime() / 1000);
  const expiresAt = issuedAt + options.ttlSeconds;
  const token = await new SignJWT({ ver: claims.tokenVersion })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.memberId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(keyOf(options.secret));
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

export async function verifySessionToken(token: string, options: { secret: string; now: Date }): Promise<SessionVerdict> {
  try {
    const { payload } = await jwtVerify(token, keyOf(options.secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: options.now,
    });
    if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number') return { ok: false, reason: 'invalid' };
    return { ok: true, claims: { memberId: payload.sub, tokenVersion: payload.ver } };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
