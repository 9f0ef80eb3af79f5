import { helpGoalFor } from '../help/help.rules.js';
import { mallFulfilmentLabels, mallItemKindLabels, type MallItemKind } from '../mall/mall.rules.js';
import { ORDER_PAYMENT_WINDOW_MINUTES } from '../orders/orders.rules.js';
import { birthdayMonthBoostPermille } from '../points/points.rules.js';
import { referralRulesText } from '../referral/referral.rules.js';
import { TIER_LEVELS, tierNames, type TierLevel } from '../tiers/tiers.rules.js';
import type { ProgramSettings } from './settings.defaults.js';
import type { SettingsRulesResponse } from './settings.schema.js';

/** One changed leaf between two settings objects, by its dotted path. */
export interface SettingsChange {
  path: string;
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The leaves that differ, in a stable order; what the console shows before saving and the audit log records. */
export function diffSettings(before: unknown, after: unknown, prefix = ''): SettingsChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffSettings(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: prefix, before: before ?? null, after: after ?? null }];
}

const yuan = (fen: number): number => fen / 100;
const perYuan = (permille: number): number => permille / 1000;

/** 积分有效期 in words: lots expire at the end of the calendar year `lifetimeYears` after the year they were earned. */
export function pointsExpiryText(lifetimeYears: number): string {
  if (lifetimeYears === 0) return '积分于获得当年12月31日24时过期';
  if (lifetimeYears === 1) return '积分于获得次年12月31日24时过期';
  return `积分于获得后第${lifetimeYears}年的12月31日24时过期`;
}

export function birthdayRuleText(minDays: number): string {
  if (minDays === 0) return '设置生日后即可享受当年的生日礼遇（含生日月积分）';
  return `生日需在生日前至少${minDays}天设置（或修改），才能享受当年的生日礼遇（含生日月积分）；设置较晚的，从下一个生日起享受`;
}

/** Changing a set birthday, in plain words: how often, when not, and what happens to benefits. */
export function birthdayCorrectionRulesText(birthday: ProgramSettings['birthday']): string[] {
  const { correctionWindowDays, maxCorrections, correctionBlackoutDays, minDaysSetBeforeBenefits } = birthday;
  if (maxCorrections === 0 || correctionWindowDays === 0) return ['生日设置后不能自行修改，如填错请联系客服'];
  return [
    `生日设置后${correctionWindowDays}天内可以修改${maxCorrections === 1 ? '一' : maxCorrections}次，之后生日锁定，如需修改请联系客服`,
    ...(correctionBlackoutDays > 0 ? [`生日前${correctionBlackoutDays}天内不能修改，也不能改到${correctionBlackoutDays}天内的日期`] : []),
    '本生日年已领取过生日礼的，不能再修改生日；已领取的生日礼不会收回',
    ...(minDaysSetBeforeBenefits > 0 ? [`改后的生日距今不足${minDaysSetBeforeBenefits}天的，当年的生日礼遇从下一个生日起享受`] : []),
  ];
}

/** How tiers move; the thresholds themselves are in `tiers`. */
export function tierRulesText(): string[] {
  return [
    '等级按近12个月的实付消费计算，消费达到门槛即时升级',
    '每年入会周年日复核一次：近12个月消费未达当前等级门槛的，下调一级',
    '消费金额只计实付现金，积分部分不计入；退款的金额相应扣除',
  ];
}

/** The points mall's rules, as the order and mall code enforce them. */
export function mallRulesText(): string[] {
  const kinds = (Object.keys(mallFulfilmentLabels) as MallItemKind[]).map((kind) => `${mallItemKindLabels[kind]}：${mallFulfilmentLabels[kind]}`);
  return [
    '商品以积分兑换，部分商品需加付现金（微信支付）',
    `需付现金的订单请在${ORDER_PAYMENT_WINDOW_MINUTES}分钟内支付，超时自动取消，已扣积分原路退回`,
    ...kinds,
    '部分商品仅限指定等级兑换，或有每人兑换数量限制，以商品页说明为准',
  ];
}

export function messagesRuleText(marketing: ProgramSettings['marketing']): string {
  if (marketing.weeklyCapPerMember === 0) return '我们不会向你发送营销消息';
  const { start, end } = marketing.quietHours;
  // HH:mm compares as text; quiet hours that end at or before they start run past midnight.
  return `营销消息每周最多${marketing.weeklyCapPerMember}条，${start}至${end <= start ? '次日' : ''}${end}不打扰`;
}

/** What the mini-program's 会员规则 page shows, from one settings snapshot; ops-only knobs stay out. */
export function memberRulesOf(settings: ProgramSettings): Omit<SettingsRulesResponse, 'version' | 'effectiveFrom'> {
  const minSpendFen: Record<TierLevel, number> = { basic: 0, gold: settings.tiers.goldFen, diamond: settings.tiers.diamondFen };
  return {
    tiers: TIER_LEVELS.map((level) => {
      const rate = settings.points.earn[level];
      const boost = birthdayMonthBoostPermille(rate);
      return {
        level,
        name: tierNames[level],
        minSpendYuan: yuan(minSpendFen[level]),
        pointsPerYuan: perYuan(rate.pointsPerYuanPermille),
        birthdayMonthPointsPerYuan: perYuan(rate.birthdayMonthPointsPerYuanPermille),
        birthdayMonthMultiple: boost === null ? null : boost / 1000,
        helpGoal: helpGoalFor(level, settings.help.goals),
      };
    }),
    tierRules: tierRulesText(),
    points: { lifetimeYears: settings.points.lifetimeYears, expiry: pointsExpiryText(settings.points.lifetimeYears) },
    mall: { rules: mallRulesText() },
    birthday: {
      minDaysSetBeforeBenefits: settings.birthday.minDaysSetBeforeBenefits,
      rule: birthdayRuleText(settings.birthday.minDaysSetBeforeBenefits),
      correction: {
        windowDays: settings.birthday.correctionWindowDays,
        maxCorrections: settings.birthday.maxCorrections,
        blackoutDays: settings.birthday.correctionBlackoutDays,
        rules: birthdayCorrectionRulesText(settings.birthday),
      },
    },
    referral: {
      windowDays: settings.referral.windowDays,
      rewardWindowDays: settings.referral.rewardWindowDays,
      referrerPointsPerYuan: perYuan(settings.referral.referrerPointsPerYuanPermille),
      dailyRewardCap: settings.referral.dailyRewardCap,
      rules: referralRulesText(settings.referral),
    },
    messages: {
      weeklyCap: settings.marketing.weeklyCapPerMember,
      quietHours: { ...settings.marketing.quietHours },
      rule: messagesRuleText(settings.marketing),
    },
  };
}
