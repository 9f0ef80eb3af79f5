import type { IPayRequest } from 'wechatpay-node-v3/dist/lib/pay-request.interface';
import type { Output } from 'wechatpay-node-v3/dist/lib/interface-v2';
import { secondsSince, wechatPayCallDuration, wechatPayCalls } from '../../metrics/metrics';
import { wechatPayResponseInvalid, wechatPayUnavailable, type PayOperation } from './payError';
import { signedHeaders, type SignatureVerifier } from './signatureVerifier';

/** wechatpay-node-v3 builds every URL on this host; the transport swaps in WECHATPAY_API_BASE after signing. */
export const WECHATPAY_HOST = 'https://api.mch.weixin.qq.com';

export interface RawPayResponse {
  status: number;
  headers: Headers;
  text: string;
}

export type SendRaw = (method: 'GET' | 'POST', canonicalUrl: string, headers: Record<string, string>, body?: string) => Promise<RawPayResponse>;

const DEFAULT_TIMEOUT_MS = 10_000;

/** WeChat Pay's error `code` (ORDER_NOT_EXIST, SYSTEM_ERROR...) from an error answer, for the metrics label. */
function payErrcodeOf(response: RawPayResponse): string {
  try {
    const body: unknown = JSON.parse(response.text);
    if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' && /^[A-Z_]{1,64}$/.test(body.code)) return body.code;
  } catch {
    // not JSON: the status alone
  }
  return `HTTP_${response.status}`;
}

export function createSendRaw(baseUrl: string, timeoutMs = DEFAULT_TIMEOUT_MS): SendRaw {
  const base = baseUrl.replace(/\/+$/, '');
  return async (method, canonicalUrl, headers, body) => {
    const operation = operationOf(method, canonicalUrl);
    const startedAt = process.hrtime.bigint();
    let answer: RawPayResponse;
    try {
      const response = await fetch(`${base}${canonicalUrl}`, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      answer = { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      wechatPayCallDuration.observe({ operation }, secondsSince(startedAt));
      wechatPayCalls.inc({ operation, outcome: 'unavailable', errcode: 'NETWORK' });
      throw wechatPayUnavailable(operation, error instanceof Error ? error.name : 'fetch failed');
    }
    wechatPayCallDuration.observe({ operation }, secondsSince(startedAt));
    const failed = answer.status >= 300;
    wechatPayCalls.inc({ operation, outcome: failed ? 'error' : 'ok', errcode: failed ? payErrcodeOf(answer) : 'OK' });
    return answer;
  };
}

export function operationOf(method: string, canonicalUrl: string): PayOperation {
  if (canonicalUrl.startsWith('/v3/certificates')) return 'certificates';
  if (canonicalUrl.startsWith('/v3/refund/')) return method === 'GET' ? 'refundQuery' : 'refund';
  if (canonicalUrl.endsWith('/close')) return 'close';
  return method === 'GET' ? 'query' : 'prepay';
}

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) result[name] = String(value);
  // fetch decompresses by itself; the library's explicit gzip header is dropped so the body arrives as sent.
  delete result['Accept-Encoding'];
  return result;
}

/**
 * The HTTP service handed to wechatpay-node-v3's createHttp: sends exactly the bytes the library signed, to
 * WECHATPAY_API_BASE, and refuses any answer whose Wechatpay-Signature does not verify (204 included).
 */
export function createPayHttpService(sendRaw: SendRaw, verifier: SignatureVerifier): IPayRequest {
  const exchange = async (method: 'GET' | 'POST', url: string, headers: Record<string, unknown>, params?: Record<string, unknown>): Promise<Output> => {
    const canonicalUrl = url.startsWith(WECHATPAY_HOST) ? url.slice(WECHATPAY_HOST.length) : url;
    const operation = operationOf(method, canonicalUrl);
    // JSON.stringify of the same object is what the library signed (getSignature), byte for byte.
    const response = await sendRaw(method, canonicalUrl, stringHeaders(headers), params === undefined ? undefined : JSON.stringify(params));
    // Successful answers must be signed; error answers are checked when they carry a signature (WeChat's usually do).
    if (response.status < 300 || response.headers.has('wechatpay-signature')) {
      const verified = await verifier.verify(signedHeaders((name) => response.headers.get(name) ?? undefined), response.text);
      if (!verified.ok) throw wechatPayResponseInvalid(operation, `${verified.reason} (HTTP ${response.status})`);
    }
    let data: unknown;
    try {
      data = response.text ? JSON.parse(response.text) : undefined;
    } catch {
      throw wechatPayResponseInvalid(operation, `unreadable body (HTTP ${response.status})`);
    }
    return { status: response.status, data };
  };
  return {
    post: (url, params, headers) => exchange('POST', url, headers, params),
    get: (url, headers) => exchange('GET', url, headers),
    upload: () => Promise.reject(new Error('wechatpay uploads are not used by Cakeday')),
  };
}
