import { type SettingsRulesResponse } from '@cakeday/shared';

type TierRules = SettingsRulesResponse['tiers'][number];

/** 1 → "1", 1.5 → "1.5": rates and yuan as members read them. */
export function plainNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

export function tierThresholdText(tier: TierRules): string {
  return tier.minSpendYuan === 0 ? '注册即享' : `近12个月消费满 ¥${plainNumber(tier.minSpendYuan)}`;
}

export function earnRateText(pointsPerYuan: number): string {
  return pointsPerYuan === 0 ? '不累积积分' : `每消费 1 元得 ${plainNumber(pointsPerYuan)} 积分`;
}

export function birthdayMonthRateText(tier: TierRules): string {
  const rate = earnRateText(tier.birthdayMonthPointsPerYuan);
  return tier.birthdayMonthMultiple ? `${rate}（${plainNumber(tier.birthdayMonthMultiple)} 倍）` : `${rate}（同平日）`;
}
