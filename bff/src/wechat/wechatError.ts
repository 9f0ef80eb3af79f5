import type { ErrorCode } from '@cakeday/shared';
import { AppError } from '../errors/AppError';

/** A WeChat failure as an AppError, keeping WeChat's errcode and endpoint for logs (never a secret). */
export class WechatApiError extends AppError {
  readonly errcode: number;
  readonly endpoint: string;
  /**
   * Whether WeChat answered (with this errcode). False for a timeout, a broken connection or an unreadable answer:
   * WeChat may then have done what was asked, which matters for calls without an idempotency key (subscribe.send).
   */
  readonly answered: boolean;

  constructor(endpoint: string, errcode: number, status: number, code: ErrorCode, retryable: boolean, detail?: string, answered = true) {
    super(status, code, { retryable, cause: detail ? new Error(`${endpoint} errcode ${errcode}: ${detail}`) : undefined });
    this.name = 'WechatApiError';
    this.errcode = errcode;
    this.endpoint = endpoint;
    this.answered = answered;
  }
}

/** access_token invalid / expired / not latest: drop the cached token and retry once. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 42001, 40014]);

/** errcode -> (HTTP status, stable code, retryable). Anything unlisted is our request being refused. */
const MAPPING: Record<number, [number, ErrorCode, boolean]> = {
  [-1]: [503, 'WECHAT_UNAVAILABLE', true],
  40029: [400, 'WECHAT_CODE_INVALID', false],
  40163: [400, 'WECHAT_CODE_INVALID', false],
  40226: [403, 'WECHAT_LOGIN_BLOCKED', false],
  45011: [429, 'WECHAT_RATE_LIMITED', true],
  44991: [429, 'WECHAT_RATE_LIMITED', true],
  45009: [429, 'WECHAT_RATE_LIMITED', false],
  43101: [409, 'SUBSCRIPTION_QUOTA_EXHAUSTED', false],
  61010: [403, 'WECHAT_VISIT_EXPIRED', false],
  // Still failing after a fresh token: WeChat's side, worth a later retry.
  40001: [503, 'WECHAT_UNAVAILABLE', true],
  42001: [503, 'WECHAT_UNAVAILABLE', true],
  40014: [503, 'WECHAT_UNAVAILABLE', true],
};

export function wechatError(endpoint: string, errcode: number, errmsg?: string): WechatApiError {
  const [status, code, retryable] = MAPPING[errcode] ?? [500, 'WECHAT_REQUEST_REJECTED', false];
  return new WechatApiError(endpoint, errcode, status, code, retryable, errmsg);
}

/** Network failure, timeout, non-200 or an unreadable answer. errcode -1 like WeChat's "system busy". */
export function wechatUnavailable(endpoint: string, reason: string): WechatApiError {
  return new WechatApiError(endpoint, -1, 503, 'WECHAT_UNAVAILABLE', true, reason, false);
}
