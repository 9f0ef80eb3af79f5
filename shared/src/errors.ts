/**
 * Every error the API can return, with the Chinese text a member sees.
 * The BFF sends `{ error: { code, message } }`; the mini-program shows `errorMessages[code]`
 * and never the raw code. Features add their codes here, grouped under a comment.
 */
export const errorMessages = {
  // platform
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  ROUTE_NOT_FOUND: '请求的功能不存在',
  METHOD_NOT_ALLOWED: '请求的功能不支持这种调用方式',
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
  NICKNAME_CONTENT_REJECTED: '昵称含有不适宜的内容，请换一个昵称',
  // wechat (the BFF's WeChat adapters)
  WECHAT_CODE_INVALID: '微信授权已失效，请重新操作',
  WECHAT_LOGIN_BLOCKED: '当前微信账号存在安全风险，暂时无法登录',
  WECHAT_RATE_LIMITED: '微信服务繁忙，请稍后再试',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  WECHAT_VISIT_EXPIRED: '请重新打开小程序后再试',
  WECHAT_REQUEST_REJECTED: '系统繁忙，请稍后再试',
  SUBSCRIPTION_QUOTA_EXHAUSTED: '你尚未订阅该提醒，或提醒次数已用完',
  // wechat pay (the BFF's pay adapter)
  PAY_NOTIFICATION_INVALID: '支付通知验证失败',
  PAY_UNAVAILABLE: '支付服务繁忙，请稍后再试',
  PAY_ORDER_PAID: '该订单已支付',
  PAY_ORDER_CLOSED: '支付单已关闭，请重新下单',
  PAY_OUT_TRADE_NO_USED: '订单号已被使用，请重新下单',
  PAY_REFUND_REJECTED: '退款申请未被受理，请联系客服',
  PAY_RESPONSE_INVALID: '支付服务响应异常，请稍后再试',
  PAY_REQUEST_REJECTED: '支付请求有误，请稍后再试',
  // points
  POINTS_INSUFFICIENT: '积分不足',
  POINTS_BALANCE_NEGATIVE: '积分余额为负，暂时不能使用积分',
  POINTS_REVERSAL_EXCEEDS: '冲正积分超过原始积分',
  IDEMPOTENCY_KEY_REUSED: '重复提交的请求与原请求不一致',
  // birthday benefits, wishlist, help, referral
  BIRTHDAY_NOT_SET: '请先设置生日',
  BIRTHDAY_BENEFIT_NOT_OPEN: '这份生日礼还没到领取时间，请留意开放日期',
  BIRTHDAY_BENEFIT_ALREADY_CLAIMED: '这份生日礼本年度已领取，祝你生日快乐',
  BIRTHDAY_BENEFIT_NOT_FOR_TIER: '当前会员等级暂不能领取这份生日礼',
  WISHLIST_FULL: '心愿清单最多可添加10个心愿',
  WISH_CONTENT_REJECTED: '心愿或备注含有不适宜的内容，请修改后再提交',
  WISHLIST_ORDER_MISMATCH: '心愿清单已变化，请刷新后重新排序',
  WISHLIST_NOT_SHARED: '请先开启心愿清单分享',
  WISH_ITEM_UNAVAILABLE: '该商品暂不可添加或赠送',
  WISH_ALREADY_FULFILLED: '这个心愿已经实现啦，感谢你的心意',
  WISH_NOT_GIFTABLE: '这个心愿暂时不能赠送',
  WISH_GIFT_SELF: '不能给自己赠送心愿礼物哦',
  WISH_TEXT_NOT_EDITABLE: '商品心愿不能修改文字',
  HELP_NOT_OPEN: '生日前14天至生日后7天内才能发起助力',
  HELP_ALREADY_STARTED: '本次生日已发起过助力',
  HELP_NOT_STARTED: '请先发起生日助力',
  HELP_SELF: '不能为自己助力哦，快邀请好友来助力吧',
  HELP_DAILY_LIMIT: '今天的助力次数已用完，明天再来吧',
  HELP_RISK_REFUSED: '当前账号暂时无法参与助力，感谢你的支持',
  HELP_ENDED: '这个助力活动已结束，感谢你的支持',
  HELP_GOAL_REACHED: '助力人数已满，礼物已解锁，感谢你的支持',
  // mall, orders, coupons, write-off
  MALL_ITEM_UNAVAILABLE: '该商品已下架或不在兑换时间内',
  MALL_SOLD_OUT: '商品已兑完，下次早点来',
  MALL_LIMIT_REACHED: '已达到该商品的兑换上限',
  MALL_TIER_REQUIRED: '会员等级不足，暂不能兑换该商品',
  GIFT_RECIPIENT_INVALID: '收礼人不存在或已注销',
  ORDER_NOT_CANCELLABLE: '订单已支付或已完成，不能取消',
  ORDER_NOT_PAYABLE: '订单已关闭或已支付，无需再次支付',
  ORDER_NOT_REFUNDABLE: '订单已使用或不支持退款',
  ORDER_NO_QR: '该订单无需到店核销',
  PAYMENT_FAILED: '支付发起失败，请稍后重试',
  COUPON_NOT_AVAILABLE: '优惠券已使用、已过期或不可用',
  WRITEOFF_TOKEN_INVALID: '二维码无效，请让顾客刷新后重试',
  WRITEOFF_TOKEN_EXPIRED: '二维码已过期，请让顾客刷新后重试',
  WRITEOFF_ALREADY_USED: '已核销过，请勿重复核销',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorMessages;

/**
 * The one HTTP status each code is answered with; the OpenAPI document lists a route's errors by it. 400 is for a
 * request that does not parse or fit its schema; a business rule's refusal is 403 (not yours or not allowed), 404,
 * 409 (the state does not allow it now) or 422 (what the request names cannot be used for this).
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
  CONSENT_REQUIRED: 403,
  CONSENT_VERSION_OUTDATED: 409,
  CONSENT_NOT_GRANTED: 409,
  BIRTHDAY_LOCKED: 409,
  BIRTHDAY_TOO_CLOSE: 409,
  BIRTHDAY_BENEFIT_CLAIMED: 409,
  PHONE_TAKEN: 409,
  WECHAT_CODE_INVALID: 400,
  WECHAT_LOGIN_BLOCKED: 403,
  WECHAT_RATE_LIMITED: 429,
  WECHAT_UNAVAILABLE: 503,
  WECHAT_VISIT_EXPIRED: 403,
  WECHAT_REQUEST_REJECTED: 500,
  SUBSCRIPTION_QUOTA_EXHAUSTED: 409,
  PAY_NOTIFICATION_INVALID: 401,
  PAY_UNAVAILABLE: 503,
  PAY_ORDER_PAID: 409,
  PAY_ORDER_CLOSED: 409,
  PAY_OUT_TRADE_NO_USED: 409,
  PAY_REFUND_REJECTED: 409,
  PAY_RESPONSE_INVALID: 502,
  PAY_REQUEST_REJECTED: 500,
  POINTS_INSUFFICIENT: 409,
  POINTS_BALANCE_NEGATIVE: 409,
  POINTS_REVERSAL_EXCEEDS: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  BIRTHDAY_NOT_SET: 409,
  BIRTHDAY_BENEFIT_NOT_OPEN: 409,
  BIRTHDAY_BENEFIT_ALREADY_CLAIMED: 409,
  BIRTHDAY_BENEFIT_NOT_FOR_TIER: 403,
  WISHLIST_FULL: 409,
  WISHLIST_ORDER_MISMATCH: 409,
  WISHLIST_NOT_SHARED: 409,
  WISH_ITEM_UNAVAILABLE: 422,
  WISH_ALREADY_FULFILLED: 409,
  WISH_NOT_GIFTABLE: 409,
  WISH_GIFT_SELF: 403,
  WISH_TEXT_NOT_EDITABLE: 422,
  HELP_NOT_OPEN: 409,
  HELP_ALREADY_STARTED: 409,
  HELP_NOT_STARTED: 409,
  HELP_SELF: 403,
  HELP_DAILY_LIMIT: 409,
  HELP_RISK_REFUSED: 403,
  HELP_ENDED: 409,
  HELP_GOAL_REACHED: 409,
  MALL_ITEM_UNAVAILABLE: 409,
  MALL_SOLD_OUT: 409,
  MALL_LIMIT_REACHED: 409,
  MALL_TIER_REQUIRED: 403,
  GIFT_RECIPIENT_INVALID: 422,
  ORDER_NOT_CANCELLABLE: 409,
  ORDER_NOT_PAYABLE: 409,
  ORDER_NOT_REFUNDABLE: 409,
  ORDER_NO_QR: 409,
  PAYMENT_FAILED: 503,
  COUPON_NOT_AVAILABLE: 409,
  WRITEOFF_TOKEN_INVALID: 422,
  WRITEOFF_TOKEN_EXPIRED: 422,
  WRITEOFF_ALREADY_USED: 409,
  NICKNAME_CONTENT_REJECTED: 422,
  WISH_CONTENT_REJECTED: 422,
} as const satisfies Record<ErrorCode, number>;

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
