import { z } from 'zod';
import type { TierLevel } from '../tiers/tiers.rules.js';
import { tierLevelSchema } from '../tiers/tiers.schema.js';
import { DEFAULT_PROGRAM_SETTINGS, type ProgramSettings } from './settings.defaults.js';

/**
 * The program's business rules, versioned in the database and edited only through audited ops routes. Every
 * section has defaults, so a version saved before a section existed still reads whole. Money in fen, rates in
 * thousandths (1500 = 1.5 points per yuan), times as HH:mm in Asia/Shanghai.
 */
const permille = z.number().int().min(0).max(100_000);
const fen = z.number().int().min(0).max(1_000_000_000);
/** A share in thousandths, 0–1000. */
const share = z.number().int().min(0).max(1000);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '格式为 HH:mm');

const perTier = <T extends z.ZodType>(schema: T) =>
  z.object({ basic: schema, gold: schema, diamond: schema }) as unknown as z.ZodObject<Record<TierLevel, T>>;

/** Cut points for scores 5…2: recency's fall as the score rises (fewer days is better), the others rise. */
function rfmCutPoints(order: 'ascending' | 'descending', max: number) {
  return z
    .object({ score5: z.number().int().min(1).max(max), score4: z.number().int().min(1).max(max), score3: z.number().int().min(1).max(max), score2: z.number().int().min(1).max(max) })
    .refine(
      (cuts) => {
        const [a, b, c, d] = [cuts.score2, cuts.score3, cuts.score4, cuts.score5];
        return order === 'ascending' ? a < b && b < c && c < d : a > b && b > c && c > d;
      },
      { message: order === 'ascending' ? '分数越高门槛须越高' : '分数越高天数须越少', path: ['score5'] },
    );
}

export const earnRateSchema = z.object({
  /** Points per whole yuan paid, in thousandths, outside the birthday month. */
  pointsPerYuanPermille: permille,
  /** Points per whole yuan paid during the member's birthday month (Asia/Shanghai). */
  birthdayMonthPointsPerYuanPermille: permille,
});

export const programSettingsSchema = z.object({
  points: z
    .object({
      earn: perTier(earnRateSchema),
      /** Points expire at the end of the calendar year this many years after the year they were earned. */
      lifetimeYears: z.number().int().min(0).max(10),
      /**
       * Points as payment at a till or in the online shop. Added after the section: versions saved before it read the
       * default (not allowed). At most 90% so that some money is always paid (refunds are measured by it).
       */
      payment: z
        .object({ pointsPerYuan: z.number().int().min(1).max(100_000), maxSharePercent: z.number().int().min(0).max(90) })
        .default(DEFAULT_PROGRAM_SETTINGS.points.payment),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.points),
  tiers: z
    .object({
      /** Rolling 12-month paid spend from which 金卡 starts. */
      goldFen: fen.min(1),
      /** … and 钻石卡. */
      diamondFen: fen.min(1),
    })
    .refine((tiers) => tiers.diamondFen > tiers.goldFen, { message: '钻石卡门槛须高于金卡门槛', path: ['diamondFen'] })
    .default(DEFAULT_PROGRAM_SETTINGS.tiers),
  birthday: z
    .object({
      /** A birthday set fewer days than this before it does not unlock that year's birthday benefits. */
      minDaysSetBeforeBenefits: z.number().int().min(0).max(365),
      /** Corrections of a set birthday: how many, within how many days of first setting it, never this close to it.
       * Added after the section: versions saved before them read the defaults. */
      correctionWindowDays: z.number().int().min(0).max(365).default(DEFAULT_PROGRAM_SETTINGS.birthday.correctionWindowDays),
      maxCorrections: z.number().int().min(0).max(10).default(DEFAULT_PROGRAM_SETTINGS.birthday.maxCorrections),
      correctionBlackoutDays: z.number().int().min(0).max(365).default(DEFAULT_PROGRAM_SETTINGS.birthday.correctionBlackoutDays),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.birthday),
  help: z
    .object({
      /** Friends needed to unlock the birthday gift, per tier. */
      goals: perTier(z.number().int().min(1).max(50)),
      /** The coupon template a completed help campaign unlocks. */
      giftTemplateCode: z.string().min(1).max(64),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.help),
  referral: z
    .object({
      /** A share binds a newcomer who joins within this many days. */
      windowDays: z.number().int().min(1).max(365),
      /**
       * The invitee's own first purchase rewards the referrer only when paid within this many days of joining.
       * Added after the section: versions saved before it read the default.
       */
      rewardWindowDays: z.number().int().min(1).max(365).default(DEFAULT_PROGRAM_SETTINGS.referral.rewardWindowDays),
      /** The referrer earns this many points per yuan of the invitee's first own order, in thousandths. */
      referrerPointsPerYuanPermille: permille,
      /** Referral rewards one referrer may earn a day (Asia/Shanghai). */
      dailyRewardCap: z.number().int().min(1).max(10_000),
      /** The coupon a newcomer gets on joining through a share. */
      welcomeTemplateCode: z.string().min(1).max(64),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.referral),
  marketing: z
    .object({
      /** No marketing message is sent between start and end (Asia/Shanghai); sends defer to the end. */
      quietHours: z.object({ start: clockTime, end: clockTime }),
      /** Marketing messages a member may receive in a week (Monday to Sunday, Shanghai), across all campaigns. */
      weeklyCapPerMember: z.number().int().min(0).max(100),
      /** … and in a day. Added after the section: versions saved before it read the default. */
      dailyCapPerMember: z.number().int().min(0).max(100).default(DEFAULT_PROGRAM_SETTINGS.marketing.dailyCapPerMember),
      /** A member without activity for this many days is silent … */
      silentAfterDays: z.number().int().min(1).max(3650),
      /** … and receives at most this many marketing messages in 30 days. */
      silentMonthlyCap: z.number().int().min(0).max(100),
      /** A one-off push to more members than this needs a second operator's approval. */
      pushApprovalThreshold: z.number().int().min(0),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.marketing),
  operations: z
    .object({
      /** Points one operator may adjust in a day (sum of absolute amounts, Asia/Shanghai). */
      pointsAdjustmentDailyLimit: z.number().int().min(0),
      /** An adjustment of more points than this waits for a second operator's approval. */
      pointsAdjustmentApprovalThreshold: z.number().int().min(0),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.operations),
  segments: z
    .object({
      lifecycle: z
        .object({
          /** A member who joined fewer days ago than this is new. */
          newForDays: z.number().int().min(1).max(3650),
          /** Without activity for this many days a silent member is at risk … */
          atRiskAfterDays: z.number().int().min(1).max(3650),
          /** … and lost after this many. */
          lostAfterDays: z.number().int().min(1).max(3650),
        })
        .refine((lifecycle) => lifecycle.lostAfterDays > lifecycle.atRiskAfterDays, { message: '流失判定须晚于风险判定', path: ['lostAfterDays'] }),
      rfm: z.object({
        windowDays: z.number().int().min(30).max(3650),
        recencyDays: rfmCutPoints('descending', 3650),
        frequency: rfmCutPoints('ascending', 10_000),
        monetaryFen: rfmCutPoints('ascending', 1_000_000_000),
      }),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.segments),
  attribution: z
    .object({
      /** Last touch within this many days: a purchase after it is not the campaign's. */
      windowDays: z.number().int().min(1).max(90),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.attribution),
  pickup: z
    .object({
      /** A pickup order is held this many Shanghai days after the day it was placed, until the store closes. */
      holdDays: z.number().int().min(0).max(60),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.pickup),
  community: z
    .object({
      /** Posts one member may publish a day (Asia/Shanghai). */
      postsPerDay: z.number().int().min(0).max(1000),
      /** Comments one member may write a day. */
      commentsPerDay: z.number().int().min(0).max(10_000),
      /** Reports weighing this much together (community.rules reportWeight) hide an item until a moderator decides. */
      reportHideWeight: z.number().int().min(1).max(1000),
      /** 热门 ranks the posts of this many days (a bounded window). */
      hotWindowDays: z.number().int().min(1).max(90),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.community),
  insights: z
    .object({
      targets: z.object({
        birthdayParticipationPermille: share,
        birthdayGmvSharePermille: share,
        birthdayRetentionLiftPoints: z.number().int().min(-100).max(100),
        nps: z.number().int().min(-100).max(100),
        messageReachPermille: share,
        birthdayBenefitCompletionPermille: share,
        repurchasePermille: share,
        benefitRedemptionPermille: share,
        campaignRoiPermille: z.number().int().min(-1000).max(100_000),
      }),
      sentimentTargets: z.object({ positivePermille: share, neutralPermille: share, negativePermille: share, extremelyNegativePermille: share }),
      alerts: z.object({
        channelReachMinPermille: share,
        campaignFailureMaxPermille: share,
        minSample: z.number().int().min(1).max(1_000_000),
        /** Added after the section: versions saved before it read the default (nobody on duty). */
        onDutyOperatorIds: z
          .array(z.string().regex(/^[0-9a-f]{24}$/, '须为运营账号'))
          .max(20)
          .refine((ids) => new Set(ids).size === ids.length, { message: '值班运营不能重复' })
          .default(DEFAULT_PROGRAM_SETTINGS.insights.alerts.onDutyOperatorIds),
      }),
      liability: z.object({ fenPerThousandPoints: fen, assumedRedemptionPermille: share }),
      // Sections added after settings were first stored: a stored version without them reads the defaults.
      costs: z.object({ smsFen: fen, subscriptionMessageFen: fen, couponWithoutFaceFen: fen }).default(DEFAULT_PROGRAM_SETTINGS.insights.costs),
      retention: z.object({ windowDays: z.number().int().min(1).max(180) }).default(DEFAULT_PROGRAM_SETTINGS.insights.retention),
    })
    .default(DEFAULT_PROGRAM_SETTINGS.insights),
});

export type ProgramSettingsInput = z.input<typeof programSettingsSchema>;


type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The schema and the plain interface in settings.defaults.ts describe the same thing.
const sameShape: Same<z.output<typeof programSettingsSchema>, ProgramSettings> = true;
void sameShape;

const isoDateTime = z.iso.datetime({ offset: true });
const operatorRef = z.object({ id: z.string(), displayName: z.string() });

export const settingsVersionSchema = z.object({
  /** 0 is the built-in default; ops' saves count up from 1. */
  version: z.number().int().min(0),
  effectiveFrom: isoDateTime,
  settings: programSettingsSchema,
  createdAt: isoDateTime.nullable(),
  createdBy: operatorRef.nullable(),
  reason: z.string().nullable(),
});

export const opsSettingsCurrentRequest = z.object({}).strict();
export const opsSettingsCurrentResponse = z.object({
  current: settingsVersionSchema,
  /** Saved versions whose effectiveFrom is still ahead. */
  scheduled: z.array(settingsVersionSchema),
  /** The newest version number: an edit must be based on it. */
  latestVersion: z.number().int().min(0),
});

export const opsSettingsHistoryRequest = z
  .object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) })
  .strict();
export const opsSettingsHistoryResponse = z.object({
  items: z.array(settingsVersionSchema),
  total: z.number().int(),
});

export const opsSettingsUpdateRequest = z
  .object({
    /** The latest version the operator edited; a save on top of anything else is refused as stale. */
    basedOnVersion: z.number().int().min(0),
    /** Defaults to now; a later instant schedules the change. */
    effectiveFrom: isoDateTime.optional(),
    reason: z.string().trim().min(2).max(200),
    settings: programSettingsSchema,
  })
  .strict();
export const opsSettingsUpdateResponse = settingsVersionSchema;

export type SettingsVersion = z.infer<typeof settingsVersionSchema>;

/** settings.rules: the 会员规则 page, from the settings in force; none of the ops-only knobs. */
export const settingsRulesRequest = z.object({}).strict();
export const settingsRulesResponse = z.object({
  /** The settings version the rules come from, and since when it is in force. */
  version: z.number().int().min(0),
  effectiveFrom: isoDateTime,
  tiers: z.array(
    z.object({
      level: tierLevelSchema,
      name: z.string(),
      /** Rolling 12-month paid spend from which the tier starts, in yuan (0 for 普卡). */
      minSpendYuan: z.number().min(0),
      /** Points per yuan paid, outside and inside the member's birthday month (absolute rates, never multiplied). */
      pointsPerYuan: z.number().min(0),
      birthdayMonthPointsPerYuan: z.number().min(0),
      /** The birthday month's multiple of the usual rate (2 = 双倍); null when the birthday month earns no more. */
      birthdayMonthMultiple: z.number().nullable(),
      /** Friends whose help unlocks the birthday help gift. */
      helpGoal: z.number().int().min(1),
    }),
  ),
  /** How members move between tiers (upgrade at once, yearly review). */
  tierRules: z.array(z.string()),
  points: z.object({ lifetimeYears: z.number().int().min(0), expiry: z.string() }),
  /** The points mall: paying, unpaid orders, how items reach the member, limits. */
  mall: z.object({ rules: z.array(z.string()) }),
  birthday: z.object({
    minDaysSetBeforeBenefits: z.number().int().min(0),
    rule: z.string(),
    /** Changing a set birthday: how often, when not, and what becomes of benefits (the birthday page shows them). */
    correction: z.object({
      windowDays: z.number().int().min(0),
      maxCorrections: z.number().int().min(0),
      blackoutDays: z.number().int().min(0),
      rules: z.array(z.string()),
    }),
  }),
  referral: z.object({
    windowDays: z.number().int(),
    rewardWindowDays: z.number().int(),
    referrerPointsPerYuan: z.number().min(0),
    dailyRewardCap: z.number().int(),
    rules: z.array(z.string()),
  }),
  /** What members are promised about marketing messages (the campaign engine keeps to it). */
  messages: z.object({ weeklyCap: z.number().int().min(0), quietHours: z.object({ start: z.string(), end: z.string() }), rule: z.string() }),
});

export type SettingsRulesResponse = z.infer<typeof settingsRulesResponse>;
