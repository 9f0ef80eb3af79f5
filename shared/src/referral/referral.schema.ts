import { z } from 'zod';
import { REFERRAL_CODE_PATTERN, SHARE_ID_PATTERN } from './referral.rules.js';

const isoDateTime = z.iso.datetime({ offset: true });

export const shareIdSchema = z.string().regex(SHARE_ID_PATTERN, '分享链接无效');

/** What the page needs to share: onShareAppMessage({ title, path }) and the poster's QR scene. */
export const shareInfoSchema = z.object({
  shareId: z.string(),
  referralCode: z.string(),
  /** For onShareAppMessage, e.g. `/pages/help/card/index?sid=h…&ref=…`. */
  path: z.string(),
  /** For getwxacodeunlimit / options.scene (≤ 32 chars). */
  scene: z.string(),
  /** The landing page without a leading slash. */
  page: z.string(),
  title: z.string(),
});

/** A poster's mini-program code as a PNG, base64 (about 30–60 KB). */
export const posterSchema = shareInfoSchema.extend({
  mimeType: z.literal('image/png'),
  imageBase64: z.string(),
});

/** Display-safe person: nickname (a default when unset) and avatar; never openid or phone. */
export const personSchema = z.object({
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
});

/** referral.invite: what an invite's landing shows a newcomer, by the inviter's code from the share. */
export const referralInviteRequest = z.object({ code: z.string().regex(REFERRAL_CODE_PATTERN, '邀请码无效') }).strict();
export const referralInviteResponse = z.object({
  /** Who invites (nickname and avatar as friends see them); null when the code names nobody (any more). */
  inviter: personSchema.nullable(),
  /** What the newcomer gets on joining (the welcome coupon in force), not the inviter's reward; null when none. */
  welcome: z.object({ title: z.string(), description: z.string(), validDays: z.number().int() }).nullable(),
});

export const REFERRAL_STATES = ['joined', 'rewarded', 'capped', 'clawed_back', 'expired'] as const;

export const referralMineRequest = z.object({}).strict();
export const referralMineResponse = z.object({
  code: z.string(),
  invite: shareInfoSchema,
  rules: z.array(z.string()),
  stats: z.object({
    invited: z.number().int(),
    rewarded: z.number().int(),
    pointsEarned: z.number().int(),
  }),
  /** Newest first, at most 50. */
  invitees: z.array(
    personSchema.extend({
      joinedAt: isoDateTime,
      /** joined: waiting for the first fulfilled paid order; rewarded; capped: over the daily reward cap; clawed_back: the order was refunded; expired: no own purchase within the reward window. */
      state: z.enum(REFERRAL_STATES),
      stateText: z.string(),
      points: z.number().int(),
    }),
  ),
});

export const referralPosterRequest = z.object({}).strict();
export const referralPosterResponse = posterSchema;

export type ShareInfo = z.infer<typeof shareInfoSchema>;
export type Poster = z.infer<typeof posterSchema>;
export type Person = z.infer<typeof personSchema>;
export type ReferralMineResponse = z.infer<typeof referralMineResponse>;
