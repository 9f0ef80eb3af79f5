import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/*
 * WeChat's message push signatures and its 安全模式 encryption (消息加解密说明), written here independently of the
 * BFF's verifier so that each side checks the other:
 * - signature = sha1 of the lexicographically sorted [token, timestamp, nonce] joined;
 * - msg_signature = sha1 of the sorted [token, timestamp, nonce, Encrypt] joined;
 * - Encrypt = base64(AES-256-CBC(key, iv = key[0..16], 16 random bytes + 4-byte big-endian length + message + appid,
 *   PKCS#7 padded to 32-byte blocks)), key = base64decode(EncodingAESKey + '=').
 */

export function pushSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

export function aesKeyBytes(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('the EncodingAESKey must be 43 base64 characters');
  return key;
}

const BLOCK = 32;

/** `random` fixes the 16 leading bytes (for the known-answer test); fresh random bytes otherwise. */
export function encryptPushMessage(message: string, encodingAesKey: string, appid: string, random: Buffer = randomBytes(16)): string {
  const key = aesKeyBytes(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(appid, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** The sandbox's own reading of an Encrypt (its tests check what it sends); throws on anything malformed. */
export function decryptPushMessage(encrypt: string, encodingAesKey: string): { message: string; appid: string } {
  const key = aesKeyBytes(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > BLOCK) throw new Error('bad padding');
  const content = plain.subarray(16, plain.length - pad);
  const length = content.readUInt32BE(0);
  return { message: content.subarray(4, 4 + length).toString('utf8'), appid: content.subarray(4 + length).toString('utf8') };
}
