import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud API 3.0's TC3-HMAC-SHA256 request signature (签名方法 v3), for a JSON POST: the canonical request
 * (method, path, empty query, the signed headers content-type and host, the body's SHA-256), the string to sign
 * (algorithm, timestamp, `<UTC date>/<service>/tc3_request`, the canonical request's SHA-256), and the key derived
 * from the secret key by HMAC over the date, the service and `tc3_request`.
 */
export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The product's service name: `sms`. */
  service: string;
  host: string;
  path: string;
  contentType: string;
  body: string;
  /** Unix seconds; the date of the credential scope is its UTC date. */
  timestamp: number;
}

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
export const TC3_SIGNED_HEADERS = 'content-type;host';

export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** The hex signature of a request. */
export function tc3Signature(request: Omit<Tc3Request, 'secretId'>): string {
  const canonicalRequest = ['POST', request.path, '', `content-type:${request.contentType}\nhost:${request.host}\n`, TC3_SIGNED_HEADERS, sha256Hex(request.body)].join('\n');
  const date = tc3Date(request.timestamp);
  const scope = `${date}/${request.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(request.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${request.secretKey}`, date), request.service), 'tc3_request');
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

/** The Authorization header of a request. */
export function tc3Authorization(request: Tc3Request): string {
  const scope = `${tc3Date(request.timestamp)}/${request.service}/tc3_request`;
  return `${TC3_ALGORITHM} Credential=${request.secretId}/${scope}, SignedHeaders=${TC3_SIGNED_HEADERS}, Signature=${tc3Signature(request)}`;
}
