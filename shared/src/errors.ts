/**
 * Every error the API can return, with the Chinese text a member sees.
 * The BFF sends `{ error: { code, message } }`; the mini-program shows `errorMessages[code]`
 * and never the raw code. Features add their codes here, grouped under a comment.
 */
export const errorMessages = {
  // platform
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  ROUTE_NOT_FOUND: '请求的功能不存在',
  NOT_FOUND: '内容不存在或已删除',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  CONFLICT: '操作冲突，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不受支持',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  // members
  CONSENT_REQUIRED: '请先阅读并同意生日信息使用说明',
  CONSENT_VERSION_OUTDATED: '说明内容已更新，请重新阅读并同意',
  CONSENT_NOT_GRANTED: '你尚未同意此项授权',
  BIRTHDAY_LOCKED: '生日已设置，如需修改请联系客服',
  BIRTHDAY_TOO_CLOSE: '生日临近，暂时不能修改生日',
  BIRTHDAY_BENEFIT_CLAIMED: '本年度生日礼已领取，暂时不能修改生日',
  PHONE_TAKEN: '该手机号已绑定其他会员',
  // points
  POINTS_INSUFFICIENT: '积分不足',
  POINTS_BALANCE_NEGATIVE: '积分余额为负，暂时不能使用积分',
  POINTS_REVERSAL_EXCEEDS: '冲正积分超过原始积分',
  IDEMPOTENCY_KEY_REUSED: '重复提交的请求与原请求不一致',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorMessages;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId?: string; fields?: FieldIssue[] };
}

export interface FieldIssue {
  path: string;
  message: string;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorMessages, value);
}

export function messageFor(code: string): string {
  return isErrorCode(code) ? errorMessages[code] : errorMessages.INTERNAL;
}
