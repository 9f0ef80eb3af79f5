import { lifecycleStageNames, rfmLevelNames, tierNames, type SegmentConditionsInput } from '@cakeday/shared';

const range = (name: string, value: { min: number; max: number } | null | undefined): string | null => (value ? `${name} ${value.min}–${value.max} 分` : null);

/** The conditions in one line, as ops read them (`沉睡 · 金卡 · 已同意营销消息`). */
export function describeConditions(conditions: SegmentConditionsInput): string {
  const parts = [
    conditions.stages.length > 0 ? conditions.stages.map((stage) => lifecycleStageNames[stage]).join('或') : null,
    conditions.rfmLevels.length > 0 ? `RFM ${conditions.rfmLevels.map((level) => rfmLevelNames[level]).join('或')}` : null,
    range('R', conditions.r),
    range('F', conditions.f),
    range('M', conditions.m),
    conditions.tiers.length > 0 ? conditions.tiers.map((tier) => tierNames[tier]).join('或') : null,
    conditions.birthdayMonths.length > 0 ? `${conditions.birthdayMonths.join('、')} 月生日` : null,
    conditions.consents.includes('marketing_messages') ? '已同意营销消息' : null,
    conditions.consents.includes('birthday') ? '已同意生日信息使用' : null,
    conditions.activeWithinDays !== null ? `${conditions.activeWithinDays} 天内活跃` : null,
    conditions.inactiveForDays !== null ? `${conditions.inactiveForDays} 天以上未活跃` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : '全部会员';
}
