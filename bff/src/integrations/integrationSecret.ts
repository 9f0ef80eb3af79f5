import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A different purpose, a different key: derived from SESSION_SECRET so that no new secret must be configured. */
function sealingKey(sessionSecret: string): Buffer {
  return createHmac('sha256', sessionSecret).update('cakeday:integration-secret:v1').digest();
}

export function newKeyId(): string {
  return `ck_${randomBytes(12).toString('hex')}`;
}

/** 32 random bytes: what the till signs with, shown to the admin once. */
export function newSecret(): string {
  return `cks_${randomBytes(32).toString('base64url')}`;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function sealSecret(secret: string, sessionSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(sessionSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

export function openSecret(sealed: string, sessionSecret: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('sealed integration secret has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(sessionSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

export function sha256Hex(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export function signatureOf(signingString: string, secret: string): string {
  return createHmac('sha256', secret).update(signingString, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex signatures. */
export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
