import { errorMessages } from '../errors.js';
import { formatFen } from '../mall/mall.rules.js';
import { TIER_LEVELS, tierNames, type TierLevel } from '../tiers/tiers.rules.js';

export const COUPON_TYPES = ['amount_off', 'percent_off', 'free_item'] as const;
export type CouponType = (typeof COUPON_TYPES)[number];

export const COUPON_STATUSES = ['available', 'used', 'expired', 'void'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

export const COUPON_SOURCES = ['redemption', 'birthday', 'help', 'referral', 'gift', 'campaign'] as const;
export type CouponSource = (typeof COUPON_SOURCES)[number];

export const couponStatusLabels: Record<CouponStatus, string> = {
  available: '可使用',
  used: '已使用',
  expired: '已过期',
  void: '已作废',
};

export const couponSourceLabels: Record<CouponSource, string> = {
  redemption: '积分兑换',
  birthday: '生日礼',
  help: '好友助力',
  referral: '邀请有礼',
  gift: '好友赠送',
  campaign: '活动赠送',
};

/** Where a coupon is being used: at a store's till (or by its staff's scan), in the online shop, or on a mall order. */
export const COUPON_CHANNELS = ['store', 'online', 'mall'] as const;
export type CouponChannel = (typeof COUPON_CHANNELS)[number];

export const couponChannelNames: Record<CouponChannel, string> = { store: '门店', online: '线上商城', mall: '积分商城' };

/**
 * Who may use a coupon, where and when, beyond its minimum spend: set on the template, copied onto each coupon when
 * it is issued (the invitee's welcome coupon is always first-order only). Absent on coupons issued before conditions
 * existed: no condition.
 */
export interface CouponConditions {
  /** Only on the member's first order: no earlier till or online purchase, nor paid mall order, kept (not refunded in full). */
  firstOrderOnly: boolean;
  /** The tiers that may use it; empty = every tier. */
  tiers: TierLevel[];
  /** Only in the member's birthday month (Asia/Shanghai). */
  birthdayMonthOnly: boolean;
  /** The stores where it may be used (ids); empty = every store. Naming stores keeps it off the online shop and the mall. */
  storeIds: string[];
  /** Where it may be used: at a store, in the online shop, on a points-mall order; empty = everywhere. */
  channels: CouponChannel[];
}

export const NO_COUPON_CONDITIONS: CouponConditions = { firstOrderOnly: false, tiers: [], birthdayMonthOnly: false, storeIds: [], channels: [] };

export interface CouponFace {
  type: CouponType;
  amountOffFen: number | null;
  /** Percent off: 15 = 8.5 折. */
  percentOff: number | null;
  minSpendFen: number;
  freeItemName: string | null;
  conditions?: CouponConditions | null;
}

/** The big text on the coupon: “¥10”, “8.5折”, “免费”. */
export function couponValueText(face: CouponFace): string {
  if (face.type === 'amount_off') return formatFen(face.amountOffFen ?? 0);
  if (face.type === 'percent_off') return `${((100 - (face.percentOff ?? 0)) / 10).toString()}折`;
  return '免费';
}

/** The condition line: “满50元可用”, “无门槛”, “兑换：生日蛋糕升大一寸”. */
export function couponConditionText(face: CouponFace): string {
  if (face.type === 'free_item') return face.freeItemName ? `兑换：${face.freeItemName}` : '到店兑换';
  return face.minSpendFen > 0 ? `满${face.minSpendFen / 100}元可用` : '无门槛';
}

/** The conditions of a face, none when it has none recorded. */
export function conditionsOf(face: Pick<CouponFace, 'type' | 'conditions'>): CouponConditions {
  return { ...NO_COUPON_CONDITIONS, ...(face.conditions ?? {}) };
}

/** The restrictions in words, for the member's coupon and the till: 新人首单可用, 限金卡及以上, 限生日当月, 限指定门店. */
export function couponRestrictionTexts(face: Pick<CouponFace, 'type' | 'conditions'>): string[] {
  const conditions = conditionsOf(face);
  const texts: string[] = [];
  if (conditions.firstOrderOnly) texts.push('限首单使用');
  const tiers = TIER_LEVELS.filter((level) => conditions.tiers.includes(level));
  if (tiers.length > 0 && tiers.length < TIER_LEVELS.length) texts.push(`限${tiers.map((level) => tierNames[level]).join('、')}会员`);
  if (conditions.birthdayMonthOnly) texts.push('限生日当月使用');
  const channels = COUPON_CHANNELS.filter((channel) => conditions.channels.includes(channel));
  if (channels.length > 0 && channels.length < COUPON_CHANNELS.length) texts.push(`限${channels.map((channel) => couponChannelNames[channel]).join('、')}使用`);
  if (conditions.storeIds.length > 0) texts.push('限指定门店使用');
  return texts;
}

/** Why a coupon cannot be used here and now; each a stable code with its Chinese message in errors.ts. */
export const COUPON_BLOCKER_CODES = [
  'COUPON_NOT_AVAILABLE',
  'COUPON_IN_STORE_ONLY',
  'COUPON_CHANNEL_NOT_ALLOWED',
  'COUPON_STORE_NOT_ALLOWED',
  'COUPON_TIER_NOT_ALLOWED',
  'COUPON_BIRTHDAY_MONTH_ONLY',
  'COUPON_FIRST_ORDER_ONLY',
  'COUPON_MIN_SPEND_NOT_MET',
  'COUPON_NOTHING_TO_DISCOUNT',
] as const;
export type CouponBlockerCode = (typeof COUPON_BLOCKER_CODES)[number];

export interface CouponBlock {
  code: CouponBlockerCode;
  message: string;
}

/** What the rule needs to know of the coupon. */
export interface CouponForRules extends CouponFace {
  status: CouponStatus;
  validFrom: Date;
  validUntil: Date;
}

export interface CouponUseContext {
  now: Date;
  channel: CouponChannel;
  /** The store it is used at (till, staff scan); null online and in the mall. */
  storeId: string | null;
  /** What the coupon applies to, in fen; null when it is not known (a staff scan: the staff checks the bill). */
  spendFen: number | null;
  tier: TierLevel;
  inBirthdayMonth: boolean;
  /** Whether this would be the member's first order. */
  firstOrder: boolean;
}

const block = (code: CouponBlockerCode): CouponBlock => ({ code, message: errorMessages[code] });

/**
 * The one rule of whether a coupon may be used here and now, wherever a coupon is used (the staff's scan, the till,
 * the online shop, a mall order); null when it may. The first reason found is given, in the order a member can do
 * least about.
 */
export function couponBlocker(coupon: CouponForRules, context: CouponUseContext): CouponBlock | null {
  if (coupon.status !== 'available' || context.now < coupon.validFrom || context.now >= coupon.validUntil) return block('COUPON_NOT_AVAILABLE');
  const conditions = conditionsOf(coupon);
  if (coupon.type === 'free_item' && context.channel !== 'store') return block('COUPON_IN_STORE_ONLY');
  if (conditions.channels.length > 0 && !conditions.channels.includes(context.channel)) return block('COUPON_CHANNEL_NOT_ALLOWED');
  if (conditions.storeIds.length > 0 && (context.storeId === null || !conditions.storeIds.includes(context.storeId))) return block('COUPON_STORE_NOT_ALLOWED');
  if (conditions.tiers.length > 0 && !conditions.tiers.includes(context.tier)) return block('COUPON_TIER_NOT_ALLOWED');
  if (conditions.birthdayMonthOnly && !context.inBirthdayMonth) return block('COUPON_BIRTHDAY_MONTH_ONLY');
  if (conditions.firstOrderOnly && !context.firstOrder) return block('COUPON_FIRST_ORDER_ONLY');
  if (context.spendFen !== null && context.spendFen < coupon.minSpendFen) return block('COUPON_MIN_SPEND_NOT_MET');
  if (context.spendFen !== null && coupon.type !== 'free_item' && couponDiscountFen(coupon, context.spendFen) <= 0) return block('COUPON_NOTHING_TO_DISCOUNT');
  return null;
}

/** What an amount or percent coupon takes off a spend (never more than the spend); a free item is valued by the till. */
export function couponDiscountFen(face: Pick<CouponFace, 'type' | 'amountOffFen' | 'percentOff'>, spendFen: number): number {
  const spend = Math.max(0, spendFen);
  if (face.type === 'amount_off') return Math.min(spend, face.amountOffFen ?? 0);
  if (face.type === 'percent_off') return Math.floor((spend * (face.percentOff ?? 0)) / 100);
  return 0;
}
