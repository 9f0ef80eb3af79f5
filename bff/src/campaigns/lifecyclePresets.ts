import { withDefaultBenefit } from '@cakeday/shared';
import { CouponTemplateModel } from '../coupons/CouponTemplate.model';

const benefitMessage = (thing1: string, thing3: string, page: string, inboxTitle: string) => ({
  template: 'benefitExpiring' as const,
  fields: { thing1, time2: '{{expiryDate}} 23:59', thing3 },
  page,
  inboxTitle,
});

const EVERYONE = { tiers: [], birthdayMonths: [] };

/** The welcome SMS (a marketing template: signature and 拒收请回复R come with it), naming the 新人券. */
export const WELCOME_SMS = { template: 'welcome' as const, params: ['新人5元券'] };

/**
 * The lifecycle programmes of issue 15, ready campaigns (drafts) ops tune and switch on in the console: each delivers
 * once per member per occurrence (lifecycleTriggers.rules.ts) under the caps, quiet hours and consent of every
 * marketing message; the coupon is the default variant's benefit, granted with the message (never to the holdout).
 */
export const LIFECYCLE_PRESETS = [
  {
    presetKey: 'lifecycle-welcome',
    name: '新人欢迎礼（首单24小时内）',
    trigger: { kind: 'welcome' as const, withinHours: 24 },
    audience: EVERYONE,
    // Subscription message if quota, else the welcome SMS (SMS consent and a bound number), always 消息中心.
    message: { ...benefitMessage('新人券已放入你的账户', '欢迎加入蛋糕日会员', 'pages/coupons/index', '新人券已到账'), sms: WELCOME_SMS },
    variants: withDefaultBenefit({ couponTemplate: 'welcome-5-off' }),
    holdoutPermille: 0,
  },
  {
    presetKey: 'lifecycle-care-90',
    name: '90天未消费关怀礼',
    trigger: { kind: 'inactive' as const, days: 90 },
    audience: EVERYONE,
    message: benefitMessage('好久不见，关怀券已到账', '想念你的味道，回来尝尝新品', 'pages/coupons/index', '给你的关怀礼'),
    variants: withDefaultBenefit({ couponTemplate: 'care-10-off' }),
    holdoutPermille: 50,
  },
  {
    presetKey: 'lifecycle-points-expiring',
    name: '积分到期提醒（30天内）',
    trigger: { kind: 'pointsExpiring' as const, withinDays: 30 },
    audience: EVERYONE,
    message: benefitMessage('{{expiringPoints}}积分即将到期', '到期前可在积分商城兑换', 'pages/points/index', '积分即将到期'),
    variants: withDefaultBenefit(null),
    holdoutPermille: 0,
  },
  {
    presetKey: 'lifecycle-member-day',
    name: '每月会员日（8日 8.5折）',
    trigger: { kind: 'memberDay' as const, dayOfMonth: 8 },
    audience: EVERYONE,
    message: benefitMessage('会员日8.5折券已到账', '仅限今日使用', 'pages/coupons/index', '今天是会员日'),
    variants: withDefaultBenefit({ couponTemplate: 'member-day-85' }),
    holdoutPermille: 0,
  },
  {
    presetKey: 'lifecycle-spend-200',
    name: '单笔满200元赠烘焙课体验券',
    trigger: { kind: 'spend' as const, thresholdFen: 20000 },
    audience: EVERYONE,
    message: benefitMessage('烘焙课体验券已到账', '需提前一天致电门店预约', 'pages/coupons/index', '消费好礼已到账'),
    variants: withDefaultBenefit({ couponTemplate: 'baking-class-trial' }),
    holdoutPermille: 0,
  },
  {
    presetKey: 'lifecycle-points-3000',
    name: '累计3000积分赠生日礼盒',
    trigger: { kind: 'pointsMilestone' as const, points: 3000 },
    audience: EVERYONE,
    message: benefitMessage('生日礼盒兑换券已到账', '累计积分满3000的感谢礼', 'pages/coupons/index', '积分里程碑礼'),
    variants: withDefaultBenefit({ couponTemplate: 'milestone-gift-box' }),
    holdoutPermille: 0,
  },
  {
    presetKey: 'lifecycle-tier-upgrade',
    name: '升级礼遇',
    trigger: { kind: 'tierUpgrade' as const, toTiers: ['gold' as const, 'diamond' as const] },
    audience: EVERYONE,
    // The tier's review day is the message's 到期时间 (the tier holds at least until then).
    message: benefitMessage('恭喜升级为{{tierName}}', '{{tierBenefit}}', 'pages/rules/tiers/index', '会员升级礼遇'),
    variants: withDefaultBenefit(null),
    holdoutPermille: 0,
  },
];

/** The coupons the programmes give (新人5元券 is seeded with the mall); created once by code, never overwritten. */
const LIFECYCLE_COUPON_TEMPLATES = [
  { code: 'welcome-5-off', title: '新人5元券', description: '任意消费可用', type: 'amount_off' as const, amountOffFen: 500, percentOff: null, minSpendFen: 0, freeItemName: null, validDays: 30 },
  { code: 'care-10-off', title: '关怀10元券', description: '满50元可用', type: 'amount_off' as const, amountOffFen: 1000, percentOff: null, minSpendFen: 5000, freeItemName: null, validDays: 14 },
  { code: 'member-day-85', title: '会员日8.5折券', description: '会员日当天整单8.5折', type: 'percent_off' as const, amountOffFen: null, percentOff: 15, minSpendFen: 0, freeItemName: null, validDays: 0 },
  { code: 'baking-class-trial', title: '烘焙课体验券', description: '周末亲子烘焙课一次，需提前预约', type: 'free_item' as const, amountOffFen: null, percentOff: null, minSpendFen: 0, freeItemName: '烘焙课体验', validDays: 60 },
  { code: 'milestone-gift-box', title: '生日礼盒兑换券', description: '到店领取生日礼盒一份', type: 'free_item' as const, amountOffFen: null, percentOff: null, minSpendFen: 0, freeItemName: '生日礼盒', validDays: 90 },
];

export async function ensureLifecycleCouponTemplates(now: Date): Promise<void> {
  await CouponTemplateModel.bulkWrite(
    LIFECYCLE_COUPON_TEMPLATES.map((template) => ({ updateOne: { filter: { code: template.code }, update: { $setOnInsert: { ...template, active: true, createdAt: now } }, upsert: true } })),
    { ordered: false },
  );
}
