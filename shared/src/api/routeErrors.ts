import type { ErrorCode } from '../errors.js';
import type { RouteAuth } from './route.js';
import { routes, type RouteName } from './routes.js';

/** WeChat's own failures, on any route that calls a WeChat API (login, phone, mini-program codes, risk). */
const WECHAT: readonly ErrorCode[] = ['WECHAT_RATE_LIMITED', 'WECHAT_UNAVAILABLE', 'WECHAT_REQUEST_REJECTED'];
/** WeChat Pay's own failures, on any route that calls it. */
const PAY: readonly ErrorCode[] = ['PAY_UNAVAILABLE', 'PAY_RESPONSE_INVALID', 'PAY_REQUEST_REJECTED'];
/** Placing an order (a redemption, or a gift from a wishlist): the item, the member, stock, limits, points, prepay. */
const PLACE_ORDER: readonly ErrorCode[] = [
  'NOT_FOUND',
  'MALL_ITEM_UNAVAILABLE',
  'MALL_TIER_REQUIRED',
  'MALL_SOLD_OUT',
  'MALL_LIMIT_REACHED',
  'IDEMPOTENCY_KEY_REUSED',
  'POINTS_INSUFFICIENT',
  'POINTS_BALANCE_NEGATIVE',
  'ORDER_NOT_PAYABLE',
  'PAYMENT_FAILED',
  'PAY_OUT_TRADE_NO_USED',
  'PAY_ORDER_PAID',
  'PAY_ORDER_CLOSED',
  ...PAY,
];
const SCAN: readonly ErrorCode[] = ['FORBIDDEN', 'WRITEOFF_TOKEN_INVALID', 'WRITEOFF_TOKEN_EXPIRED', 'WRITEOFF_ALREADY_USED', 'COUPON_NOT_AVAILABLE', 'ORDER_NOT_REFUNDABLE'];

/**
 * The business errors each route can answer, beyond those every route can (platformErrorCodes). Part of the
 * contract: the OpenAPI document lists them, and the BFF's tests fail when a route answers a code not listed here.
 */
export const routeErrors = {
  'system.ping': [],
  'auth.login': ['WECHAT_CODE_INVALID', 'WECHAT_LOGIN_BLOCKED', 'RATE_LIMITED', ...WECHAT],
  'auth.logout': [],
  'members.me': [],
  'members.update': ['NICKNAME_CONTENT_REJECTED'],
  'members.uploadAvatar': ['AVATAR_TOO_LARGE', 'AVATAR_TYPE_UNSUPPORTED'],
  'members.bindPhone': ['WECHAT_CODE_INVALID', 'PHONE_TAKEN', ...WECHAT],
  'members.setBirthday': ['CONSENT_REQUIRED', 'BIRTHDAY_LOCKED', 'BIRTHDAY_TOO_CLOSE', 'BIRTHDAY_BENEFIT_CLAIMED', 'CONFLICT'],
  'members.export': [],
  'members.delete': [],
  'consents.list': [],
  'consents.grant': ['CONSENT_VERSION_OUTDATED'],
  'consents.withdraw': ['CONSENT_NOT_GRANTED'],
  'birthday.benefits': [],
  'birthday.claim': ['NOT_FOUND', 'BIRTHDAY_NOT_SET', 'CONSENT_REQUIRED', 'BIRTHDAY_BENEFIT_NOT_FOR_TIER', 'BIRTHDAY_BENEFIT_NOT_OPEN', 'BIRTHDAY_SET_TOO_RECENTLY', 'BIRTHDAY_BENEFIT_ALREADY_CLAIMED'],
  'wishlist.mine': [],
  'wishlist.add': ['WISH_ITEM_UNAVAILABLE', 'WISHLIST_FULL', 'WISH_CONTENT_REJECTED'],
  'wishlist.update': ['NOT_FOUND', 'WISH_TEXT_NOT_EDITABLE', 'WISH_CONTENT_REJECTED'],
  'wishlist.remove': ['NOT_FOUND'],
  'wishlist.reorder': ['WISHLIST_ORDER_MISMATCH'],
  'wishlist.share': ['CONFLICT'],
  'wishlist.poster': ['WISHLIST_NOT_SHARED', ...WECHAT],
  'wishlist.view': ['NOT_FOUND'],
  'wishlist.gift': ['WISH_GIFT_SELF', 'WISH_ALREADY_FULFILLED', 'WISH_NOT_GIFTABLE', 'GIFT_RECIPIENT_INVALID', ...PLACE_ORDER],
  'help.mine': [],
  'help.start': ['CONSENT_REQUIRED', 'BIRTHDAY_NOT_SET', 'HELP_NOT_OPEN', 'HELP_ALREADY_STARTED'],
  'help.get': ['NOT_FOUND'],
  'help.assist': ['NOT_FOUND', 'HELP_SELF', 'HELP_ENDED', 'HELP_GOAL_REACHED', 'HELP_DAILY_LIMIT', 'HELP_RISK_REFUSED', 'RATE_LIMITED', ...WECHAT],
  'help.poster': ['HELP_NOT_STARTED', ...WECHAT],
  'events.track': ['RATE_LIMITED'],
  'referral.mine': [],
  'referral.poster': [...WECHAT],
  'referral.invite': [],
  'points.history': [],
  'mall.list': [],
  'mall.item': ['NOT_FOUND'],
  'mall.redeem': PLACE_ORDER,
  'orders.list': [],
  'orders.get': ['NOT_FOUND'],
  'orders.cancel': ['NOT_FOUND', 'ORDER_NOT_CANCELLABLE', 'PAY_ORDER_PAID', ...PAY],
  'orders.pay': ['NOT_FOUND', 'ORDER_NOT_PAYABLE', 'PAYMENT_FAILED', 'PAY_OUT_TRADE_NO_USED', 'PAY_ORDER_PAID', 'PAY_ORDER_CLOSED', ...PAY],
  'orders.confirmPayment': ['NOT_FOUND', ...PAY],
  'orders.refund': ['NOT_FOUND', 'ORDER_NOT_REFUNDABLE', 'PAY_REFUND_REJECTED', ...PAY],
  'orders.qr': ['NOT_FOUND', 'ORDER_NO_QR'],
  'coupons.list': [],
  'coupons.qr': ['NOT_FOUND', 'COUPON_NOT_AVAILABLE'],
  'writeoff.staffProfile': [],
  'writeoff.preview': SCAN,
  'writeoff.redeem': SCAN,
  'writeoff.history': ['FORBIDDEN'],
  // the ops console (every ops route may also answer FORBIDDEN, OPS_SESSION_RESTRICTED and AUDIT_UNAVAILABLE)
  'ops.login': ['OPS_LOGIN_FAILED', 'OPS_TOTP_REQUIRED', 'OPS_TOTP_INVALID', 'RATE_LIMITED', 'FORBIDDEN', 'AUDIT_UNAVAILABLE'],
  'ops.logout': [],
  'ops.me': ['NOT_FOUND'],
  'ops.changePassword': ['NOT_FOUND', 'OPS_PASSWORD_WRONG', 'CONFLICT'],
  'ops.totp.setup': ['CONFLICT'],
  'ops.totp.enable': ['NOT_FOUND', 'CONFLICT', 'OPS_TOTP_SETUP_CODE_WRONG'],
  'ops.operators.list': [],
  'ops.operators.create': ['OPS_OPERATOR_NAME_TAKEN', 'OPS_OPERATOR_STORE_REQUIRED', 'OPS_STORE_NOT_FOUND'],
  'ops.operators.update': ['NOT_FOUND', 'STALE_VERSION', 'OPS_OPERATOR_SELF', 'OPS_OPERATOR_STORE_REQUIRED', 'OPS_STORE_NOT_FOUND'],
  'ops.operators.resetPassword': ['NOT_FOUND'],
  'ops.audit.list': [],
  'ops.audit.export': [],
  'ops.audit.verify': [],
  'settings.rules': [],
  'stores.list': [],
  'ops.settings.current': [],
  'ops.settings.history': [],
  'ops.settings.update': ['STALE_VERSION'],
  'ops.members.search': [],
  'ops.members.get': ['NOT_FOUND'],
  'ops.members.reveal': ['NOT_FOUND', 'OPS_MEMBER_NO_PERSONAL_DATA'],
  'ops.members.export': [],
  'ops.points.ledger': ['NOT_FOUND'],
  'ops.points.adjust': ['NOT_FOUND', 'OPS_POINTS_DAILY_LIMIT', 'POINTS_INSUFFICIENT', 'POINTS_BALANCE_NEGATIVE', 'IDEMPOTENCY_KEY_REUSED'],
  'ops.points.adjustments.list': [],
  'ops.points.adjustments.approve': ['NOT_FOUND', 'OPS_ADJUSTMENT_SELF_APPROVAL', 'OPS_ADJUSTMENT_NOT_PENDING', 'POINTS_INSUFFICIENT', 'POINTS_BALANCE_NEGATIVE'],
  'ops.points.adjustments.reject': ['NOT_FOUND', 'OPS_ADJUSTMENT_SELF_APPROVAL', 'OPS_ADJUSTMENT_NOT_PENDING'],
  'ops.mallItems.list': [],
  'ops.mallItems.get': ['NOT_FOUND'],
  'ops.mallItems.create': ['OPS_CODE_TAKEN', 'OPS_COUPON_TEMPLATE_NOT_FOUND'],
  'ops.mallItems.update': ['NOT_FOUND', 'STALE_VERSION', 'OPS_COUPON_TEMPLATE_NOT_FOUND'],
  'ops.mallItems.adjustStock': ['NOT_FOUND', 'STALE_VERSION', 'OPS_STOCK_NEGATIVE'],
  'ops.couponTemplates.list': [],
  'ops.couponTemplates.create': ['OPS_CODE_TAKEN'],
  'ops.couponTemplates.update': ['NOT_FOUND', 'STALE_VERSION', 'OPS_COUPON_TEMPLATE_IN_USE'],
  'ops.birthdayPackages.list': [],
  'ops.birthdayPackages.update': ['NOT_FOUND', 'STALE_VERSION', 'OPS_COUPON_TEMPLATE_NOT_FOUND'],
  'ops.stores.list': [],
  'ops.stores.create': ['OPS_CODE_TAKEN'],
  'ops.stores.update': ['NOT_FOUND', 'STALE_VERSION'],
  'ops.storeStaff.list': ['NOT_FOUND'],
  'ops.storeStaff.add': ['OPS_MEMBER_NOT_FOUND', 'OPS_STORE_NOT_FOUND', 'OPS_STAFF_EXISTS', 'OPS_STAFF_IN_OTHER_STORE'],
  'ops.storeStaff.deactivate': ['NOT_FOUND', 'STALE_VERSION', 'OPS_STAFF_INACTIVE'],
  'ops.orders.list': [],
  'ops.orders.get': ['NOT_FOUND'],
  'ops.orders.refund': ['NOT_FOUND', 'ORDER_NOT_REFUNDABLE', 'ORDER_ALREADY_REFUNDED', 'PAY_REFUND_REJECTED', ...PAY],
  'ops.orders.flags.resolve': ['NOT_FOUND', 'OPS_ORDER_FLAG_NOT_OPEN'],
  'ops.orders.export': [],
  'ops.writeoffs.list': [],
  'ops.writeoffs.get': ['NOT_FOUND'],
  'ops.writeoffs.export': [],
} as const satisfies Record<RouteName, readonly ErrorCode[]>;

/** What any route can answer: a request that does not parse or fit (400, 413, 415), no session, and our own failures. */
export function platformErrorCodes(auth: RouteAuth): ErrorCode[] {
  return [
    'VALIDATION_FAILED',
    'PAYLOAD_TOO_LARGE',
    'UNSUPPORTED_MEDIA_TYPE',
    ...(auth === 'public' ? [] : (['UNAUTHENTICATED', 'SESSION_EXPIRED'] as const)),
    ...(auth === 'staff' || auth === 'ops' ? (['FORBIDDEN'] as const) : []),
    ...(auth === 'ops' ? (['OPS_SESSION_RESTRICTED', 'AUDIT_UNAVAILABLE'] as const) : []),
    'INTERNAL',
    'SERVICE_UNAVAILABLE',
  ];
}

/** Every code the route can answer. */
export function routeErrorCodes(name: RouteName): ErrorCode[] {
  return [...new Set<ErrorCode>([...platformErrorCodes(routes[name].auth), ...routeErrors[name]])];
}
