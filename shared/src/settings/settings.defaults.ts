import type { TierLevel } from '../tiers/tiers.rules.js';

/** Points per whole yuan (in thousandths) outside and inside the member's birthday month. */
export interface EarnRate {
  pointsPerYuanPermille: number;
  birthdayMonthPointsPerYuanPermille: number;
}

/** The program's business rules; the zod schema in settings.schema.ts validates edits of them. */
export interface ProgramSettings {
  points: { earn: Record<TierLevel, EarnRate>; lifetimeYears: number };
  tiers: { goldFen: number; diamondFen: number };
  birthday: { minDaysSetBeforeBenefits: number };
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
    silentAfterDays: number;
    silentMonthlyCap: number;
    pushApprovalThreshold: number;
  };
  operations: { pointsAdjustmentDailyLimit: number; pointsAdjustmentApprovalThreshold: number };
  community: { postsPerDay: number; commentsPerDay: number; reportHideWeight: number; hotWindowDays: number };
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
  },
  tiers: { goldFen: 50_000, diamondFen: 200_000 },
  birthday: { minDaysSetBeforeBenefits: 30 },
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
    silentAfterDays: 90,
    silentMonthlyCap: 1,
    pushApprovalThreshold: 1000,
  },
  operations: { pointsAdjustmentDailyLimit: 20_000, pointsAdjustmentApprovalThreshold: 1000 },
  // Three reports of members with no record (10 each) hide an item.
  community: { postsPerDay: 10, commentsPerDay: 100, reportHideWeight: 30, hotWindowDays: 7 },
};
