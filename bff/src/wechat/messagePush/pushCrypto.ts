import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';

/** sha1 of the lexicographically sorted parts joined: `signature` (token, timestamp, nonce) and `msg_signature` (+ Encrypt). */
export function pushSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Compares a received signature with the expected one in constant time. */
export function signatureMatches(received: string | undefined, expected: string): boolean {
  if (received === undefined || received.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(received.toLowerCase()), Buffer.from(expected));
}

export class PushCipherError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PushCipherError';
  }
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BLOCK = 32;

/**
 * Opens a 安全模式 `Encrypt`: AES-256-CBC with key = base64decode(EncodingAESKey + '='), IV = the key's first 16
 * bytes; the plaintext is 16 random bytes + a 4-byte big-endian length + the message + the appid, PKCS#7-padded to
 * 32-byte blocks. Anything that does not decode to that layout throws (the caller checks the appid).
 */
export function decryptPushMessage(encrypt: string, encodingAesKey: string): { message: string; appid: string } {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new PushCipherError('the EncodingAESKey is not 32 bytes');
  if (!BASE64.test(encrypt)) throw new PushCipherError('Encrypt is not base64');
  const cipherText = Buffer.from(encrypt, 'base64');
  if (cipherText.length === 0 || cipherText.length % BLOCK !== 0) throw new PushCipherError('Encrypt is not whole blocks');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > BLOCK || plain.subarray(plain.length - pad).some((byte) => byte !== pad)) throw new PushCipherError('bad padding');
  const content = plain.subarray(16, plain.length - pad);
  if (content.length < 4) throw new PushCipherError('too short');
  const length = content.readUInt32BE(0);
  if (4 + length > content.length) throw new PushCipherError('bad length');
  return { message: content.subarray(4, 4 + length).toString('utf8'), appid: content.subarray(4 + length).toString('utf8') };
}
