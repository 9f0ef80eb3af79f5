import { z } from 'zod';
import { personSchema, posterSchema, shareIdSchema, shareInfoSchema } from '../referral/referral.schema.js';

const isoDateTime = z.iso.datetime({ offset: true });

export const HELP_CAMPAIGN_STATES = ['active', 'unlocked', 'expired'] as const;

export const helpGiftSchema = z.object({
  title: z.string(),
  description: z.string(),
  templateCode: z.string(),
});

export const helperSchema = personSchema.extend({ helpedAt: isoDateTime });

/** What anyone with the share id sees; the helpers' avatars in the order they helped. */
export const helpCampaignSchema = z.object({
  shareId: z.string(),
  state: z.enum(HELP_CAMPAIGN_STATES),
  stateText: z.string(),
  owner: personSchema,
  /** Month and day only, never the year. */
  birthday: z.object({ month: z.number().int(), day: z.number().int() }),
  goal: z.number().int(),
  helpersCount: z.number().int(),
  remaining: z.number().int(),
  helpers: z.array(helperSchema),
  gift: helpGiftSchema,
  rules: z.array(z.string()),
  startedAt: isoDateTime,
  expiresAt: isoDateTime,
  unlockedAt: isoDateTime.nullable(),
});

/** Why the viewer cannot tap 助力 (null when they can). */
export const HELP_BLOCKERS = ['login_required', 'owner', 'already_helped', 'ended', 'goal_reached'] as const;

export const helpViewerSchema = z.object({
  loggedIn: z.boolean(),
  isOwner: z.boolean(),
  hasHelped: z.boolean(),
  canHelp: z.boolean(),
  blocker: z.enum(HELP_BLOCKERS).nullable(),
});

export const HELP_START_BLOCKERS = ['no_birthday', 'consent_withdrawn', 'not_open', 'already_started'] as const;

export const helpMineRequest = z.object({}).strict();
export const helpMineResponse = z.object({
  canStart: z.boolean(),
  startBlocker: z.enum(HELP_START_BLOCKERS).nullable(),
  /** The window for the current or next birthday (null without a birthday). */
  window: z
    .object({ firstDay: z.iso.date(), lastDay: z.iso.date(), opensAt: isoDateTime, closesAt: isoDateTime, open: z.boolean() })
    .nullable(),
  goal: z.number().int(),
  gift: helpGiftSchema,
  rules: z.array(z.string()),
  /** This birthday's campaign, if started. */
  campaign: helpCampaignSchema.nullable(),
  /** Owner only: for onShareAppMessage and the poster. */
  share: shareInfoSchema.nullable(),
  /** Owner only: the coupon issued when the gift unlocked. */
  couponId: z.string().nullable(),
});

export const helpStartRequest = z.object({}).strict();
export const helpStartResponse = helpMineResponse;

export const helpGetRequest = z.object({ shareId: shareIdSchema }).strict();
export const helpGetResponse = z.object({
  campaign: helpCampaignSchema,
  viewer: helpViewerSchema,
  /** The owner's referral code, passed to auth.login by a friend who is not yet a member. */
  referralCode: z.string(),
});

export const helpAssistRequest = z.object({ shareId: shareIdSchema }).strict();
export const helpAssistResponse = helpGetResponse.extend({
  /** False when this friend had already helped (the tap is harmless). */
  counted: z.boolean(),
  /** True when this help completed the goal. */
  unlockedNow: z.boolean(),
});

export const helpPosterRequest = z.object({}).strict();
export const helpPosterResponse = posterSchema;

export type HelpCampaignView = z.infer<typeof helpCampaignSchema>;
export type HelpViewer = z.infer<typeof helpViewerSchema>;
export type HelpMineResponse = z.infer<typeof helpMineResponse>;
export type HelpGetResponse = z.infer<typeof helpGetResponse>;
export type HelpAssistResponse = z.infer<typeof helpAssistResponse>;
