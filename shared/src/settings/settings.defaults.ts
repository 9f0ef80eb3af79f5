import type { TierLevel } from '../tiers/tiers.rules.js';

/** Points per whole yuan (in thousandths) outside and inside the member's birthday month. */
export interface EarnRate {
  pointsPerYuanPermille: number;
  birthdayMonthPointsPerYuanPermille: number;
}

/** Points as payment at a till or in the online shop (pos.purchase's pointsToRedeem). */
export interface PointsPaymentSettings {
  /** Points worth one yuan (100 = 1 point per fen). */
  pointsPerYuan: number;
  /** The largest share of the bill (after discounts) points may pay, in percent; 0 = points cannot pay. */
  maxSharePercent: number;
}

/** The program's business rules; the zod schema in settings.schema.ts validates edits of them. */
export interface ProgramSettings {
  points: { earn: Record<TierLevel, EarnRate>; lifetimeYears: number; payment: PointsPaymentSettings };
  tiers: { goldFen: number; diamondFen: number };
  birthday: {
    minDaysSetBeforeBenefits: number;
    /** A set birthday may be corrected `maxCorrections` times within `correctionWindowDays` of first setting it … */
    correctionWindowDays: number;
    maxCorrections: number;
    /** … but not within this many days before the stored or the new birthday. */
    correctionBlackoutDays: number;
  };
  help: { goals: Record<TierLevel, number>; giftTemplateCode: string };
  referral: {
    windowDays: number;
    rewardWindowDays: number;
    referrerPointsPerYuanPermille: number;
    dailyRewardCap: number;
    welcomeTemplateCode: string;
  };
  marketing: {
    quietHours: { start: string; end: string };
    weeklyCapPerMember: number;
    dailyCapPerMember: number;
    silentAfterDays: number;
    silentMonthlyCap: number;
    pushApprovalThreshold: number;
  };
  operations: { pointsAdjustmentDailyLimit: number; pointsAdjustmentApprovalThreshold: number };
  segments: SegmentSettings;
  /** Campaign results: purchases, claims and uses count for a campaign this many days after it reached the member. */
  attribution: { windowDays: number };
  /** Pickup orders: the member collects within `holdDays` Shanghai days after the order, by the store's closing time. */
  pickup: { holdDays: number };
  community: { postsPerDay: number; commentsPerDay: number; reportHideWeight: number; hotWindowDays: number };
  insights: InsightsSettings;
}

/**
 * What the plans measure themselves against (shared/src/insights): the KPIs' targets, the alert thresholds and what a
 * point is worth to finance. Shares are in thousandths (250 = 25%).
 */
export interface InsightsSettings {
  targets: {
    /** Members with a birthday this month who claimed a benefit, at least. */
    birthdayParticipationPermille: number;
    /** Paid GMV of members in their birthday month as a share of all paid GMV, at least. */
    birthdayGmvSharePermille: number;
    /** Percentage points by which birthday-month retention beats the same members' other months, at least. */
    birthdayRetentionLiftPoints: number;
    /** NPS (−100…100), at least. */
    nps: number;
    /** Messages that reached members (sent) of those meant for them, at least. */
    messageReachPermille: number;
    /** Birthday benefits claimed that were issued whole (no failure), at least. */
    birthdayBenefitCompletionPermille: number;
    /** Members with two paid orders or more in the period, of those with one or more, at least. */
    repurchasePermille: number;
    /** Benefit coupons issued that were used, at least. */
    benefitRedemptionPermille: number;
    /** A campaign's (attributed GMV − cost) / cost, at least, in thousandths. */
    campaignRoiPermille: number;
  };
  /** The plan's four sentiment classes: the positive share at least, the others at most. */
  sentimentTargets: { positivePermille: number; neutralPermille: number; negativePermille: number; extremelyNegativePermille: number };
  alerts: {
    /** A channel whose reach falls below this alerts. */
    channelReachMinPermille: number;
    /** A running campaign whose failed deliveries exceed this share alerts. */
    campaignFailureMaxPermille: number;
    /** Below this many cases a rate is not judged (too few to mean anything). */
    minSample: number;
    /** The operators on duty: each raised alert notifies each of them once (the ops group's 企业微信 robot). */
    onDutyOperatorIds: string[];
  };
  liability: {
    /** What redeeming 1,000 points costs the brand, in fen (the mall's goods at cost). */
    fenPerThousandPoints: number;
    /** The share of outstanding points assumed to be redeemed while fewer than minSample points were issued. */
    assumedRedemptionPermille: number;
  };
  /** What a campaign costs, for its ROI: each message it sent and each of its coupons used (insights KPIs). */
  costs: {
    /** One SMS sent (the SMS provider's unit price). */
    smsFen: number;
    /** One WeChat subscription message sent (free from WeChat: 0 unless the brand prices its own work). */
    subscriptionMessageFen: number;
    /** A used coupon without a face amount (percent off, free item): what it costs the brand on average. */
    couponWithoutFaceFen: number;
  };
  /** Birthday-month retention: a member-month is retained when the member buys again within this many days. */
  retention: { windowDays: number };
}

/**
 * Lifecycle stages and RFM scores (shared/src/analytics/segments.rules.ts). Days are Asia/Shanghai calendar days.
 * `silent` starts at marketing.silentAfterDays: one definition of a silent member for messages and segments.
 */
export interface SegmentSettings {
  lifecycle: { newForDays: number; atRiskAfterDays: number; lostAfterDays: number };
  rfm: {
    /** Frequency and monetary value count paid purchases within this many days. */
    windowDays: number;
    /** Days since the last paid purchase at most this for R = 5, 4, 3, 2 (later: 1; never: 0). */
    recencyDays: RfmCutPoints;
    /** Paid purchases in the window at least this for F = 5, 4, 3, 2 (one: 1; none: 0). */
    frequency: RfmCutPoints;
    /** Fen paid in the window at least this for M = 5, 4, 3, 2 (less: 1; nothing: 0). */
    monetaryFen: RfmCutPoints;
  };
}

export interface RfmCutPoints {
  score5: number;
  score4: number;
  score3: number;
  score2: number;
}

/** The built-in rules: version 0, in force until ops save a version of their own. Plain data (no zod), so the
 * mini-program can show them without bundling the schemas. */
export const DEFAULT_PROGRAM_SETTINGS: ProgramSettings = {
  points: {
    earn: {
      basic: { pointsPerYuanPermille: 1000, birthdayMonthPointsPerYuanPermille: 1000 },
      gold: { pointsPerYuanPermille: 1500, birthdayMonthPointsPerYuanPermille: 1500 },
      // 钻石卡's birthday package promises 生日月双倍积分: twice its usual rate, and only 钻石卡 has it.
      diamond: { pointsPerYuanPermille: 2000, birthdayMonthPointsPerYuanPermille: 4000 },
    },
    lifetimeYears: 1,
    payment: { pointsPerYuan: 100, maxSharePercent: 0 },
  },
  tiers: { goldFen: 50_000, diamondFen: 200_000 },
  birthday: { minDaysSetBeforeBenefits: 30, correctionWindowDays: 30, maxCorrections: 1, correctionBlackoutDays: 30 },
  help: { goals: { basic: 5, gold: 4, diamond: 3 }, giftTemplateCode: 'cake-size-upgrade' },
  referral: {
    windowDays: 30,
    rewardWindowDays: 30,
    referrerPointsPerYuanPermille: 2000,
    dailyRewardCap: 20,
    welcomeTemplateCode: 'referral-first-order-20-off',
  },
  marketing: {
    quietHours: { start: '21:00', end: '09:00' },
    weeklyCapPerMember: 2,
    dailyCapPerMember: 1,
    silentAfterDays: 90,
    silentMonthlyCap: 1,
    pushApprovalThreshold: 1000,
  },
  operations: { pointsAdjustmentDailyLimit: 20_000, pointsAdjustmentApprovalThreshold: 1000 },
  segments: {
    lifecycle: { newForDays: 30, atRiskAfterDays: 180, lostAfterDays: 365 },
    rfm: {
      windowDays: 365,
      recencyDays: { score5: 30, score4: 60, score3: 90, score2: 180 },
      frequency: { score5: 12, score4: 6, score3: 3, score2: 2 },
      monetaryFen: { score5: 300_000, score4: 100_000, score3: 40_000, score2: 15_000 },
    },
  },
  attribution: { windowDays: 7 },
  pickup: { holdDays: 3 },
  // Three reports of members with no record (10 each) hide an item.
  community: { postsPerDay: 10, commentsPerDay: 100, reportHideWeight: 30, hotWindowDays: 7 },
  // The birthday plan's targets; repurchase, redemption, ROI and the sentiment shares are ours until ops set theirs.
  insights: {
    targets: {
      birthdayParticipationPermille: 250,
      birthdayGmvSharePermille: 30,
      birthdayRetentionLiftPoints: 5,
      nps: 45,
      messageReachPermille: 700,
      birthdayBenefitCompletionPermille: 980,
      repurchasePermille: 300,
      benefitRedemptionPermille: 500,
      campaignRoiPermille: 1000,
    },
    sentimentTargets: { positivePermille: 700, neutralPermille: 200, negativePermille: 80, extremelyNegativePermille: 20 },
    alerts: { channelReachMinPermille: 700, campaignFailureMaxPermille: 50, minSample: 50, onDutyOperatorIds: [] },
    liability: { fenPerThousandPoints: 1000, assumedRedemptionPermille: 600 },
    costs: { smsFen: 5, subscriptionMessageFen: 0, couponWithoutFaceFen: 1000 },
    retention: { windowDays: 30 },
  },
};
