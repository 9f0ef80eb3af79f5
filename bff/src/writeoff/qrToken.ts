import { createHmac, timingSafeEqual } from 'node:crypto';

export type QrSubject = 'coupon' | 'order';

export const QR_TTL_SECONDS = 60;
export const QR_REFRESH_SECONDS = 50;

/** Derived from the session secret so that no new secret must be configured; a different purpose, a different key. */
function keyFor(secret: string): Buffer {
  return createHmac('sha256', secret).update('cakeday:writeoff-qr:v1').digest();
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', keyFor(secret)).update(payload).digest('base64url');
}

/** `wo1.<c|o>.<id>.<expiry unix s>.<hmac>`: short enough for a dense-free QR, useless after a minute. */
export function issueQrToken(subject: QrSubject, id: string, now: Date, secret: string): { token: string; expiresAt: Date } {
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + QR_TTL_SECONDS * 1000);
  const payload = `wo1.${subject === 'coupon' ? 'c' : 'o'}.${id}.${expiresAt.getTime() / 1000}`;
  return { token: `${payload}.${sign(payload, secret)}`, expiresAt };
}

export type QrVerdict = { ok: true; subject: QrSubject; id: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyQrToken(token: string, now: Date, secret: string): QrVerdict {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== 'wo1') return { ok: false, reason: 'invalid' };
  const [version, kind, id, expiry, signature] = parts as [string, string, string, string, string];
  const expected = Buffer.from(sign(`${version}.${kind}.${id}.${expiry}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  if ((kind !== 'c' && kind !== 'o') || !/^[0-9a-f]{24}$/.test(id) || !/^\d+$/.test(expiry)) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(Number(expiry) * 1000);
  if (now >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, subject: kind === 'c' ? 'coupon' : 'order', id, expiresAt };
}
