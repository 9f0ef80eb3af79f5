import { TIER_LEVELS, tierNames, type ProgramSettings } from '@cakeday/shared';

/**
 * How a setting is stored and how operators read it: `yuan` is stored in fen, `rate` in thousandths of a point per
 * yuan (1500 = 1.5 积分/元), `clock` as HH:mm Asia/Shanghai, `operators` as operator ids.
 */
export type SettingsFieldKind = 'yuan' | 'rate' | 'integer' | 'text' | 'clock' | 'operators';

export interface SettingsField {
  /** Dotted path in ProgramSettings: `tiers.goldFen`. */
  path: string;
  label: string;
  kind: SettingsFieldKind;
  /** Shown after integers: 天, 人, 条… */
  unit?: string;
  min?: number;
  max?: number;
  help?: string;
}

export interface SettingsSection {
  key: keyof ProgramSettings;
  title: string;
  fields: SettingsField[];
}

const perTier = (make: (tier: (typeof TIER_LEVELS)[number], name: string) => SettingsField): SettingsField[] =>
  TIER_LEVELS.map((tier) => make(tier, tierNames[tier]));

const RFM_SCORES = [5, 4, 3, 2] as const;

/** Every section of the program settings, every field in it: the form, the diff and its labels come from here. */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  {
    key: 'points',
    title: '积分',
    fields: [
      ...perTier((tier, name) => ({ path: `points.earn.${tier}.pointsPerYuanPermille`, label: `${name}每元积分`, kind: 'rate', max: 100 })),
      ...perTier((tier, name) => ({ path: `points.earn.${tier}.birthdayMonthPointsPerYuanPermille`, label: `${name}生日月每元积分`, kind: 'rate', max: 100 })),
      { path: 'points.lifetimeYears', label: '积分有效期', kind: 'integer', unit: '年', min: 0, max: 10, help: '获得积分后第 N 年年底过期' },
      { path: 'points.payment.pointsPerYuan', label: '积分抵现比例', kind: 'integer', unit: '积分/元', min: 1, max: 100_000, help: '门店收银与线上商城用积分付款时，多少积分抵 1 元' },
      { path: 'points.payment.maxSharePercent', label: '积分抵现上限', kind: 'integer', unit: '%', min: 0, max: 90, help: '优惠后账单最多可用积分支付的比例；0 = 不可用积分抵现' },
    ],
  },
  {
    key: 'tiers',
    title: '会员等级',
    fields: [
      { path: 'tiers.goldFen', label: '金卡门槛', kind: 'yuan', min: 0.01, help: '近 12 个月实付金额' },
      { path: 'tiers.diamondFen', label: '钻石卡门槛', kind: 'yuan', min: 0.01, help: '须高于金卡门槛' },
    ],
  },
  {
    key: 'birthday',
    title: '生日',
    fields: [
      { path: 'birthday.minDaysSetBeforeBenefits', label: '生日须提前设置', kind: 'integer', unit: '天', min: 0, max: 365, help: '设置生日不足这些天，当年不享受生日礼' },
      { path: 'birthday.maxCorrections', label: '生日可修改次数', kind: 'integer', unit: '次', min: 0, max: 10, help: '0 = 设置后不能自行修改' },
      { path: 'birthday.correctionWindowDays', label: '可修改期限', kind: 'integer', unit: '天', min: 0, max: 365, help: '首次设置后这些天内可以修改' },
      { path: 'birthday.correctionBlackoutDays', label: '生日前不可修改', kind: 'integer', unit: '天', min: 0, max: 365, help: '生日前这些天内不能修改，也不能改到这些天内的日期' },
    ],
  },
  {
    key: 'help',
    title: '好友助力',
    fields: [
      ...perTier((tier, name) => ({ path: `help.goals.${tier}`, label: `${name}助力人数`, kind: 'integer', unit: '人', min: 1, max: 50 })),
      { path: 'help.giftTemplateCode', label: '助力成功礼券模板', kind: 'text' },
    ],
  },
  {
    key: 'referral',
    title: '邀请有礼',
    fields: [
      { path: 'referral.windowDays', label: '邀请有效期', kind: 'integer', unit: '天', min: 1, max: 365 },
      { path: 'referral.referrerPointsPerYuanPermille', label: '邀请人每元积分', kind: 'rate', max: 100, help: '按被邀请人首单实付金额' },
      { path: 'referral.dailyRewardCap', label: '邀请人每日奖励上限', kind: 'integer', unit: '次', min: 1, max: 10_000 },
      { path: 'referral.welcomeTemplateCode', label: '新人礼券模板', kind: 'text' },
    ],
  },
  {
    key: 'marketing',
    title: '营销消息',
    fields: [
      { path: 'marketing.quietHours.start', label: '免打扰开始', kind: 'clock' },
      { path: 'marketing.quietHours.end', label: '免打扰结束', kind: 'clock' },
      { path: 'marketing.weeklyCapPerMember', label: '每位会员每周上限', kind: 'integer', unit: '条', min: 0, max: 100 },
      { path: 'marketing.dailyCapPerMember', label: '每位会员每日上限', kind: 'integer', unit: '条', min: 0, max: 100 },
      { path: 'marketing.silentAfterDays', label: '沉默会员判定', kind: 'integer', unit: '天', min: 1, max: 3650, help: '超过这些天没有活动' },
      { path: 'marketing.silentMonthlyCap', label: '沉默会员每月上限', kind: 'integer', unit: '条', min: 0, max: 100 },
      { path: 'marketing.pushApprovalThreshold', label: '群发需复核人数', kind: 'integer', unit: '人', min: 0, help: '单次群发超过这些人须另一位运营复核' },
    ],
  },
  {
    key: 'segments',
    title: '会员分层',
    fields: [
      { path: 'segments.lifecycle.newForDays', label: '新会员期', kind: 'integer', unit: '天', min: 1, max: 3650, help: '注册不满这些天为新会员；沉睡判定见「营销消息」' },
      { path: 'segments.lifecycle.atRiskAfterDays', label: '濒临流失判定', kind: 'integer', unit: '天', min: 1, max: 3650, help: '超过这些天没有活动' },
      { path: 'segments.lifecycle.lostAfterDays', label: '已流失判定', kind: 'integer', unit: '天', min: 1, max: 3650, help: '须晚于濒临流失判定' },
      { path: 'segments.rfm.windowDays', label: 'RFM 统计周期', kind: 'integer', unit: '天', min: 30, max: 3650, help: '频次与金额按这些天内的实付消费计算' },
      ...RFM_SCORES.map((score): SettingsField => ({ path: `segments.rfm.recencyDays.score${score}`, label: `R ${score} 分：最近消费不超过`, kind: 'integer', unit: '天', min: 1, max: 3650 })),
      ...RFM_SCORES.map((score): SettingsField => ({ path: `segments.rfm.frequency.score${score}`, label: `F ${score} 分：消费次数至少`, kind: 'integer', unit: '次', min: 1 })),
      ...RFM_SCORES.map((score): SettingsField => ({ path: `segments.rfm.monetaryFen.score${score}`, label: `M ${score} 分：消费金额至少`, kind: 'yuan', min: 0.01 })),
    ],
  },
  {
    key: 'attribution',
    title: '活动效果归因',
    fields: [{ path: 'attribution.windowDays', label: '归因窗口', kind: 'integer', unit: '天', min: 1, max: 90, help: '活动送达后这些天内的消费、领取与核销计入该活动（末次触达）' }],
  },
  {
    key: 'insights',
    title: '经营洞察',
    fields: [
      { path: 'insights.targets.birthdayParticipationPermille', label: '生日礼参与率目标', kind: 'integer', unit: '‰', min: 0, max: 1000, help: '千分比：250 = 25%，KPI 图上的目标线' },
      { path: 'insights.targets.birthdayGmvSharePermille', label: '生日 GMV 占比目标', kind: 'integer', unit: '‰', min: 0, max: 1000 },
      { path: 'insights.targets.birthdayRetentionLiftPoints', label: '生日月留存提升目标', kind: 'integer', unit: '个百分点', min: -100, max: 100 },
      { path: 'insights.targets.nps', label: 'NPS 目标', kind: 'integer', min: -100, max: 100 },
      { path: 'insights.targets.messageReachPermille', label: '消息触达率目标', kind: 'integer', unit: '‰', min: 0, max: 1000 },
      { path: 'insights.targets.birthdayBenefitCompletionPermille', label: '生日权益完成率目标', kind: 'integer', unit: '‰', min: 0, max: 1000 },
      { path: 'insights.targets.repurchasePermille', label: '复购率目标', kind: 'integer', unit: '‰', min: 0, max: 1000 },
      { path: 'insights.targets.benefitRedemptionPermille', label: '权益核销率目标', kind: 'integer', unit: '‰', min: 0, max: 1000 },
      { path: 'insights.targets.campaignRoiPermille', label: '活动 ROI 目标', kind: 'integer', unit: '‰', min: -1000, max: 100_000, help: '千分比：1000 = ROI 100%' },
      { path: 'insights.alerts.channelReachMinPermille', label: '渠道触达率告警线', kind: 'integer', unit: '‰', min: 0, max: 1000, help: '某渠道触达率低于此值时告警' },
      { path: 'insights.alerts.campaignFailureMaxPermille', label: '活动失败率告警线', kind: 'integer', unit: '‰', min: 0, max: 1000, help: '活动发送失败占比高于此值时告警' },
      { path: 'insights.alerts.minSample', label: '告警最少样本', kind: 'integer', unit: '条', min: 1, max: 1_000_000, help: '样本少于此数不判定' },
      { path: 'insights.alerts.onDutyOperatorIds', label: '值班运营', kind: 'operators', unit: '位', help: '每条告警通过企业微信群机器人通知每位值班运营一次' },
      { path: 'insights.retention.windowDays', label: '生日月留存窗口', kind: 'integer', unit: '天', min: 1, max: 180, help: '会员当月首单后多少天内再次下单算留存' },
      { path: 'insights.costs.smsFen', label: '短信单价', kind: 'yuan', min: 0, help: '每条短信的成本，计入活动 ROI' },
      { path: 'insights.costs.subscriptionMessageFen', label: '订阅消息单价', kind: 'yuan', min: 0, help: '微信订阅消息免费，通常为 0' },
      { path: 'insights.costs.couponWithoutFaceFen', label: '无面额券成本', kind: 'yuan', min: 0, help: '折扣券、赠品券核销时计入活动成本的金额（满减券按面额）' },
    ],
  },
  {
    key: 'pickup',
    title: '到店自提',
    fields: [{ path: 'pickup.holdDays', label: '自提保留天数', kind: 'integer', unit: '天', min: 0, max: 60, help: '下单当天起算，第这些天门店打烊前须到店自提（0 = 当天）' }],
  },
  {
    key: 'operations',
    title: '运营操作',
    fields: [
      { path: 'operations.pointsAdjustmentDailyLimit', label: '每人每日调整积分上限', kind: 'integer', unit: '积分', min: 0 },
      { path: 'operations.pointsAdjustmentApprovalThreshold', label: '调整积分需复核门槛', kind: 'integer', unit: '积分', min: 0, help: '单次调整超过这些积分须另一位运营复核' },
    ],
  },
];

const FIELDS_BY_PATH = new Map(SETTINGS_SECTIONS.flatMap((section) => section.fields.map((field) => [field.path, { field, section }] as const)));

export function settingsFieldAt(path: string): { field: SettingsField; section: SettingsSection } | undefined {
  return FIELDS_BY_PATH.get(path);
}
