import { formatFen } from '../mall/mall.rules.js';

export const COUPON_TYPES = ['amount_off', 'percent_off', 'free_item'] as const;
export type CouponType = (typeof COUPON_TYPES)[number];

export const COUPON_STATUSES = ['available', 'used', 'expired', 'void'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

export const COUPON_SOURCES = ['redemption', 'birthday', 'help', 'referral', 'gift'] as const;
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
};

export interface CouponFace {
  type: CouponType;
  amountOffFen: number | null;
  /** Percent off: 15 = 8.5 折. */
  percentOff: number | null;
  minSpendFen: number;
  freeItemName: string | null;
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
