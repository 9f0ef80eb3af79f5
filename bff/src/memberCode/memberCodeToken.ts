import { createHmac, timingSafeEqual } from 'node:crypto';
import { isMemberCodeNumber } from '@cakeday/shared';

/** Derived from SESSION_SECRET: a different purpose, a different key (like the write-off QR's). */
function keyFor(secret: string): Buffer {
  return createHmac('sha256', secret).update('cakeday:member-code:v1').digest();
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', keyFor(secret)).update(payload).digest('base64url');
}

/** `mc1.<18 digits>.<expiry unix s>.<hmac>`: what the QR holds; a till can tell it from a payment code by its prefix. */
export function signMemberCode(code: string, expiresAt: Date, secret: string): string {
  const payload = `mc1.${code}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The code a token names when its signature holds; null for anything else (expiry is the stored code's to say). */
export function codeOfToken(token: string, secret: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'mc1') return null;
  const [version, code, expiry, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${version}.${code}.${expiry}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return isMemberCodeNumber(code) ? code : null;
}
