import type { ErrorCode } from '@cakeday/shared';
import { AppError } from '../../errors/AppError';

export type PayOperation = 'prepay' | 'query' | 'close' | 'refund' | 'refundQuery' | 'certificates' | 'notification';

/** A WeChat Pay failure as an AppError, keeping WeChat Pay's own code and HTTP status for logs (never a key). */
export class WechatPayError extends AppError {
  readonly operation: PayOperation;
  readonly wechatCode: string;
  readonly wechatStatus: number;

  constructor(operation: PayOperation, wechatStatus: number, wechatCode: string, status: number, code: ErrorCode, retryable: boolean, detail?: string) {
    super(status, code, { retryable, cause: new Error(`wechatpay ${operation}: HTTP ${wechatStatus} ${wechatCode}${detail ? ` ${detail}` : ''}`) });
    this.name = 'WechatPayError';
    this.operation = operation;
    this.wechatCode = wechatCode;
    this.wechatStatus = wechatStatus;
  }
}

/** WeChat Pay code -> (HTTP status, stable code, retryable). Unlisted codes mean our request was refused. */
const MAPPING: Record<string, [number, ErrorCode, boolean]> = {
  OUT_TRADE_NO_USED: [409, 'PAY_OUT_TRADE_NO_USED', false],
  ORDERPAID: [409, 'PAY_ORDER_PAID', false],
  ORDER_CLOSED: [409, 'PAY_ORDER_CLOSED', false],
  SYSTEM_ERROR: [503, 'PAY_UNAVAILABLE', true],
  FREQUENCY_LIMITED: [503, 'PAY_UNAVAILABLE', true],
  BANKERROR: [503, 'PAY_UNAVAILABLE', true],
};

const REFUND_MAPPING: Record<string, [number, ErrorCode, boolean]> = {
  INVALID_REQUEST: [409, 'PAY_REFUND_REJECTED', false],
  RESOURCE_NOT_EXISTS: [409, 'PAY_REFUND_REJECTED', false],
  USER_ACCOUNT_ABNORMAL: [409, 'PAY_REFUND_REJECTED', false],
  // The merchant's balance is short: the same out_refund_no succeeds once it is topped up.
  NOT_ENOUGH: [409, 'PAY_REFUND_REJECTED', true],
};

export function wechatPayError(operation: PayOperation, httpStatus: number, wechatCode: string, message?: string): WechatPayError {
  const mapped = (operation === 'refund' ? REFUND_MAPPING[wechatCode] : undefined) ?? MAPPING[wechatCode];
  const [status, code, retryable] = mapped ?? (httpStatus >= 500 || httpStatus === 429 ? [503, 'PAY_UNAVAILABLE', true] : [500, 'PAY_REQUEST_REJECTED', false]);
  return new WechatPayError(operation, httpStatus, wechatCode, status, code, retryable, message);
}

/** The network failed or timed out: the same request may be repeated (out_trade_no / out_refund_no make it idempotent). */
export function wechatPayUnavailable(operation: PayOperation, reason: string): WechatPayError {
  return new WechatPayError(operation, 0, 'NETWORK', 503, 'PAY_UNAVAILABLE', true, reason);
}

/** An answer whose Wechatpay-Signature does not verify: it did not come from WeChat Pay, or was altered on the way. */
export function wechatPayResponseInvalid(operation: PayOperation, reason: string): WechatPayError {
  return new WechatPayError(operation, 0, 'RESPONSE_SIGNATURE', 502, 'PAY_RESPONSE_INVALID', false, reason);
}

export function payNotificationInvalid(reason: string): WechatPayError {
  return new WechatPayError('notification', 0, 'NOTIFICATION', 401, 'PAY_NOTIFICATION_INVALID', false, reason);
}
