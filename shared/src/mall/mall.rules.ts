import { businessDate, formatCalendarDate, isoWeekday, startOfBusinessDay } from '../time/businessTime.js';
import { TIER_LEVELS, type TierLevel } from '../tiers/tiers.rules.js';

export const MALL_ITEM_KINDS = ['physical', 'service', 'charity', 'coupon'] as const;
export type MallItemKind = (typeof MALL_ITEM_KINDS)[number];

/** Kinds collected in a store with a write-off code: the member names the store at checkout. */
export function isPickupKind(kind: MallItemKind): boolean {
  return kind === 'physical' || kind === 'service';
}

export const mallItemKindLabels: Record<MallItemKind, string> = {
  physical: '会员周边',
  service: '体验服务',
  charity: '公益捐赠',
  coupon: '优惠券',
};

/** How a redeemed item reaches the member: physical goods are picked up in a store, like services. */
export const mallFulfilmentLabels: Record<MallItemKind, string> = {
  physical: '兑换后凭核销码到门店自提',
  service: '兑换后凭核销码到门店使用',
  charity: '兑换后由门店代为捐出，可查看捐赠证书',
  coupon: '兑换后优惠券自动放入“我的券”',
};

export const LIMIT_PERIODS = ['day', 'week', 'month', 'year', 'lifetime'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

export const limitPeriodLabels: Record<LimitPeriod, string> = {
  day: '每天',
  week: '每周',
  month: '每月',
  year: '每年',
  lifetime: '每人',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The per-member limit counter's period, as a stable key in Asia/Shanghai: 2026-05-10, 2026-W19 (weeks start
 * on Monday; key = the Monday's date), 2026-05, 2026, or `lifetime`.
 */
export function limitPeriodKey(period: LimitPeriod, now: Date): string {
  const date = businessDate(now);
  switch (period) {
    case 'day':
      return formatCalendarDate(date);
    case 'week': {
      const daysSinceMonday = isoWeekday(date) - 1;
      return `W${formatCalendarDate(businessDate(new Date(startOfBusinessDay(date).getTime() - daysSinceMonday * DAY_MS)))}`;
    }
    case 'month':
      return formatCalendarDate(date).slice(0, 7);
    case 'year':
      return String(date.year);
    case 'lifetime':
      return 'lifetime';
  }
}

/** Whether a member of `level` may redeem an item that requires `required` (null = everyone). */
export function tierAllows(level: TierLevel, required: TierLevel | null): boolean {
  return required === null || TIER_LEVELS.indexOf(level) >= TIER_LEVELS.indexOf(required);
}

/** ¥9.90 style; whole yuan without decimals (¥10). */
export function formatFen(fen: number): string {
  const yuan = fen / 100;
  return Number.isInteger(yuan) ? `¥${yuan}` : `¥${yuan.toFixed(2)}`;
}

/** “1200 积分”, “1200 积分 + ¥9.90” or “¥9.90”. */
export function priceText(pointsPrice: number, cashFen: number): string {
  const parts: string[] = [];
  if (pointsPrice > 0) parts.push(`${pointsPrice} 积分`);
  if (cashFen > 0) parts.push(formatFen(cashFen));
  return parts.length > 0 ? parts.join(' + ') : '免费';
}

export const MAX_REDEEM_QTY = 10;

/**
 * The mall's two sections: 积分兑换 (items with a points price, or free) and 送礼 (cash-only items: what friends can
 * give from a birthday wishlist, since a friend pays cash only).
 */
export const MALL_SECTIONS = ['points', 'gifts'] as const;
export type MallSection = (typeof MALL_SECTIONS)[number];

export function mallSectionOf(item: { pointsPrice: number; cashFen: number }): MallSection {
  return item.pointsPrice === 0 && item.cashFen > 0 ? 'gifts' : 'points';
}
