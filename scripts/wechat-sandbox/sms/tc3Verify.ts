import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SmsAccount } from './smsSettings';

const sha256Hex = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

export type Tc3Refusal = 'AuthFailure.InvalidAuthorization' | 'AuthFailure.SecretIdNotFound' | 'AuthFailure.SignatureExpire' | 'AuthFailure.SignatureFailure';

const header = (request: IncomingMessage, name: string): string => {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

/**
 * Checks a request's TC3-HMAC-SHA256 Authorization the way Tencent Cloud does, from what arrived: the method, the
 * path and query, the content-type and host headers, the body's bytes, X-TC-Timestamp (within 5 minutes of `now`)
 * and the credential scope's date and service. Null when it holds; the error code Tencent answers otherwise.
 */
export function verifyTc3(request: IncomingMessage, url: URL, rawBody: Buffer, accounts: readonly SmsAccount[], nowSeconds: number, service = 'sms'): Tc3Refusal | null {
  const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(header(request, 'authorization'));
  if (!match) return 'AuthFailure.InvalidAuthorization';
  const [, secretId = '', date = '', scopeService = '', signedHeaders = '', signature = ''] = match;
  const account = accounts.find((candidate) => candidate.secretId === secretId);
  if (!account) return 'AuthFailure.SecretIdNotFound';
  const timestamp = Number(header(request, 'x-tc-timestamp'));
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return 'AuthFailure.SignatureExpire';
  if (scopeService !== service || date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) return 'AuthFailure.SignatureFailure';
  const names = signedHeaders.split(';');
  if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.InvalidAuthorization';
  const canonicalHeaders = names.map((name) => `${name}:${header(request, name).trim().toLowerCase()}\n`).join('');
  const canonicalRequest = [request.method ?? 'POST', url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, sha256Hex(rawBody)].join('\n');
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(`TC3${account.secretKey}`, date), service), 'tc3_request');
  const expected = Buffer.from(createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex'));
  return timingSafeEqual(expected, Buffer.from(signature)) ? null : 'AuthFailure.SignatureFailure';
}
