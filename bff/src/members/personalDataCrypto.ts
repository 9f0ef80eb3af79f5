import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

const keyBytes = (base64Key: string): Buffer => Buffer.from(base64Key, 'base64');

/** AES-256-GCM; the stored form is base64(iv ‖ tag ‖ ciphertext). */
export function encryptPersonalData(plain: string, base64Key: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(base64Key), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

export function decryptPersonalData(stored: string, base64Key: string): string {
  const bytes = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(base64Key), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** A keyed hash for lookups and uniqueness without storing the value; `purpose` keeps hashes of different kinds apart. */
export function keyedHash(purpose: 'phone' | 'openid' | 'sms-reply', value: string, base64Key: string): string {
  return createHmac('sha256', keyBytes(base64Key)).update(`${purpose}:${value}`).digest('hex');
}
