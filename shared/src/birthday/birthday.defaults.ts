import type { TierLevel } from '../tiers/tiers.rules.js';
import type { BenefitWindowRule } from './birthday.rules.js';

/** A benefit package as stored (and seeded): which tiers get it, what it holds, when it can be claimed. */
export interface BirthdayPackageDefinition {
  code: string;
  tiers: TierLevel[];
  title: string;
  description: string;
  /**
   * A coupon item names the template issued on claim. A points_multiplier item names nothing: members see the
   * birthday-month earn rate of their tier from the program settings (points.earn), the one the earn path uses.
   */
  items: { kind: 'coupon' | 'points_multiplier'; title: string; templateCode: string | null }[];
  window: BenefitWindowRule;
  sortOrder: number;
}

/**
 * The plans' defaults: 普卡 a month coupon; 金卡 plus a drink; 钻石卡 plus a cake-size upgrade and its birthday-month
 * points (double under the default settings; the package shows whatever the settings say).
 */
export const DEFAULT_BIRTHDAY_PACKAGES: readonly BirthdayPackageDefinition[] = [
  {
    code: 'birthday-month-coupon',
    tiers: ['basic', 'gold', 'diamond'],
    title: '生日月9折券',
    description: '生日当月任意消费可用的9折券',
    items: [{ kind: 'coupon', title: '生日月9折券', templateCode: 'birthday-10-off' }],
    window: { opens: 'birthday_month', daysBefore: 0, claimDays: null, withinBirthdayMonth: true },
    sortOrder: 10,
  },
  {
    code: 'birthday-drink',
    tiers: ['gold', 'diamond'],
    title: '生日饮品一杯',
    description: '生日前3天起可领（限生日当月），当月内到店免费兑换一杯饮品',
    items: [{ kind: 'coupon', title: '免费饮品券', templateCode: 'birthday-free-drink' }],
    window: { opens: 'days_before', daysBefore: 3, claimDays: 10, withinBirthdayMonth: true },
    sortOrder: 20,
  },
  {
    code: 'birthday-cake-upgrade',
    tiers: ['diamond'],
    title: '生日蛋糕升级',
    description: '生日当天起7天内可领，蛋糕免费升大一号',
    items: [{ kind: 'coupon', title: '蛋糕尺寸升级券', templateCode: 'cake-size-upgrade' }],
    window: { opens: 'on_day', daysBefore: 0, claimDays: 7, withinBirthdayMonth: false },
    sortOrder: 30,
  },
  {
    code: 'birthday-double-points',
    tiers: ['diamond'],
    title: '生日月双倍积分',
    description: '生日当月消费自动获得双倍积分，无需领取',
    items: [{ kind: 'points_multiplier', title: '生日月双倍积分', templateCode: null }],
    window: { opens: 'birthday_month', daysBefore: 0, claimDays: null, withinBirthdayMonth: true },
    sortOrder: 40,
  },
];
