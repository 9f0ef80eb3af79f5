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
  WISHLIST_ORDER_MISMATCH: '心愿清单已变化，请刷新后重新排序',
  WISHLIST_NOT_SHARED: '请先开启心愿清单分享',
  WISH_ITEM_UNAVAILABLE: '该商品暂不可添加或赠送',
  WISH_ALREADY_FULFILLED: '这个心愿已经实现啦，感谢你的心意',
  WISH_NOT_GIFTABLE: '这个心愿暂时不能赠送',
  WISH_GIFT_SELF: '不能给自己赠送心愿礼物哦',
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
  // ops console: operators, sessions, audit, settings
  OPS_LOGIN_FAILED: '用户名或密码错误，或账号已被暂时锁定，请稍后再试',
  OPS_TOTP_REQUIRED: '请输入身份验证器上的 6 位动态验证码',
  OPS_TOTP_INVALID: '动态验证码不正确或已使用，请重新输入',
  OPS_SESSION_RESTRICTED: '请先修改初始密码并完成两步验证设置',
  OPS_PASSWORD_WRONG: '当前密码不正确',
  OPS_OPERATOR_NAME_TAKEN: '该登录名已被使用',
  OPS_OPERATOR_STORE_REQUIRED: '店长须指定所属门店',
  OPS_OPERATOR_SELF: '不能修改自己的角色或停用自己',
  OPS_STORE_NOT_FOUND: '门店不存在',
  STALE_VERSION: '数据已被他人修改，请刷新后重试',
  AUDIT_UNAVAILABLE: '操作记录暂时无法写入，本次操作未执行，请稍后再试',
  // ops console: catalog, orders, write-offs
  OPS_STOCK_NEGATIVE: '库存不足，调整后库存不能小于 0',
  OPS_CODE_TAKEN: '该编码已被使用',
  OPS_COUPON_TEMPLATE_NOT_FOUND: '券模板不存在或已停用',
  OPS_COUPON_TEMPLATE_IN_USE: '该券模板正被上架商品或生日礼使用，不能停用',
  OPS_MEMBER_NOT_FOUND: '会员不存在或已注销',
  OPS_STAFF_EXISTS: '该会员已是本店店员',
  OPS_STAFF_IN_OTHER_STORE: '该会员已登记为其他门店的店员，请联系运营调整',
  OPS_STAFF_INACTIVE: '该店员已停用',
  ORDER_ALREADY_REFUNDED: '订单已退款',
  OPS_ORDER_FLAG_NOT_OPEN: '该异常已处理或不存在',
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
