import { z } from 'zod';
import { consentRecordSchema } from '../consents/consents.schema.js';
import { pointsEntrySchema, pointsSummarySchema } from '../points/points.schema.js';
import { tierSummarySchema } from '../tiers/tiers.schema.js';
import { COUPON_SOURCES, COUPON_STATUSES } from '../coupons/coupons.rules.js';
import { ORDER_STATUSES } from '../orders/orders.rules.js';
import { REFERRAL_STATES } from '../referral/referral.schema.js';
import { SHARE_KINDS } from '../referral/referral.rules.js';
import { cleanMemberText } from '../text/memberText.rules.js';
import { memberTextInput } from '../text/memberText.schema.js';
import { isValidBirthday } from './birthday.rules.js';
import { CONTENT_STATES, REPORT_REASONS } from '../community/community.rules.js';

const isoDateTime = z.iso.datetime({ offset: true });

export const NICKNAME_MAX_LENGTH = 20;
export const AVATAR_URL_MAX_LENGTH = 512;

export const birthdaySchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  year: z.number().int().min(1900).max(2100).nullable(),
});

export const birthdayLockSchema = z.object({
  /** open: may be set; correctable: `correctionsLeft` corrections allowed until `correctableUntil`; locked: only ops can change it. */
  state: z.enum(['open', 'correctable', 'locked']),
  correctableUntil: isoDateTime.nullable(),
  correctionsLeft: z.number().int().min(0),
});

export const memberProfileSchema = z.object({
  id: z.string(),
  nickname: z.string().nullable(),
  /** True while the nickname waits for a content review: the member sees it (marked 审核中), friends do not. */
  nicknameInReview: z.boolean(),
  avatarUrl: z.string().nullable(),
  /** Always masked (138****1234); the full number never leaves the BFF. */
  phoneMasked: z.string().nullable(),
  birthday: birthdaySchema.nullable(),
  birthdayLock: birthdayLockSchema,
  memberSince: isoDateTime,
});

export const membersMeRequest = z.object({}).strict();
export const membersMeResponse = memberProfileSchema.extend({
  tier: tierSummarySchema,
  points: pointsSummarySchema,
  coupons: z.object({ available: z.number().int() }),
});

export const membersUpdateRequest = z
  .object({
    nickname: memberTextInput({ max: NICKNAME_MAX_LENGTH }).optional(),
    avatarUrl: z
      .string()
      .overwrite((url) => cleanMemberText(url))
      .pipe(z.url({ protocol: /^https?$/ }).max(AVATAR_URL_MAX_LENGTH))
      .optional(),
  })
  .strict()
  .refine((input) => input.nickname !== undefined || input.avatarUrl !== undefined, {
    message: '请填写昵称或头像',
  });
export const membersUpdateResponse = memberProfileSchema;

/** An avatar's bytes as the member chose them (checked again by their first bytes on the BFF). */
export const AVATAR_MAX_BYTES = 300 * 1024;
/**
 * Base64 grows 4/3; this leaves room above AVATAR_MAX_BYTES so that a picture slightly too large is refused after
 * decoding with a reason the member can act on (AVATAR_TOO_LARGE), within the route's `bodyLimit`.
 */
export const AVATAR_MAX_BASE64_LENGTH = 480_000;

export const membersUploadAvatarRequest = z
  .object({
    /** The image file, base64 (no data: prefix); JPEG, PNG or WebP. */
    imageBase64: z
      .string()
      .min(1)
      .max(AVATAR_MAX_BASE64_LENGTH, '头像图片太大')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '不是图片数据'),
  })
  .strict();
export const membersUploadAvatarResponse = memberProfileSchema;

export const membersBindPhoneRequest = z
  .object({
    /** The code from `<button open-type="getPhoneNumber">`; single use. */
    code: z.string().trim().min(1).max(128),
  })
  .strict();
export const membersBindPhoneResponse = z.object({ phoneMasked: z.string() });

export const membersSetBirthdayRequest = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1900).max(2100).optional(),
    /** The version of consentTexts.birthday the member agreed to on this page. */
    consentVersion: z.string().min(1).max(64),
  })
  .strict()
  .refine((input) => isValidBirthday(input), { message: '日期不存在', path: ['day'] });
export const membersSetBirthdayResponse = z.object({
  birthday: birthdaySchema,
  birthdayLock: birthdayLockSchema,
});

export const membersExportRequest = z.object({}).strict();
export const membersExportResponse = z.object({
  exportedAt: isoDateTime,
  profile: memberProfileSchema.extend({
    unionidLinked: z.boolean(),
    status: z.enum(['active', 'deleted']),
  }),
  tier: tierSummarySchema,
  points: pointsSummarySchema.extend({
    lots: z.array(
      z.object({
        earnedAt: isoDateTime,
        expiresAt: isoDateTime,
        amount: z.number().int(),
        remaining: z.number().int(),
      }),
    ),
    entries: z.array(pointsEntrySchema),
  }),
  paidSpend: z.array(z.object({ amountFen: z.number().int(), paidAt: isoDateTime, reference: z.string() })),
  /** Purchases at a store's till or in the online shop, with their receipt, lines, points and refunds. */
  purchases: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(['store', 'online']),
      storeName: z.string().nullable(),
      receiptNo: z.string(),
      purchasedAt: isoDateTime,
      lines: z.array(z.object({ name: z.string(), qty: z.number().int(), amountFen: z.number().int() })),
      totalFen: z.number().int(),
      discountFen: z.number().int(),
      paidFen: z.number().int(),
      pointsRedeemed: z.number().int(),
      pointsEarned: z.number().int(),
      refundedFen: z.number().int(),
      state: z.string(),
    }),
  ),
  consents: z.array(consentRecordSchema),
  /** The wishlist, including texts held for review (`inReview`). */
  wishlist: z.object({
    shared: z.boolean(),
    wishes: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['item', 'text']),
        itemId: z.string().nullable(),
        text: z.string().nullable(),
        note: z.string().nullable(),
        inReview: z.array(z.enum(['text', 'note'])),
        createdAt: isoDateTime,
      }),
    ),
  }),
  coupons: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      source: z.enum(COUPON_SOURCES),
      status: z.enum(COUPON_STATUSES),
      validFrom: isoDateTime,
      validUntil: isoDateTime,
      usedAt: isoDateTime.nullable(),
      usedStoreName: z.string().nullable(),
    }),
  ),
  /** Orders the member placed (buyer) or received as a gift (recipient). */
  orders: z.array(
    z.object({
      id: z.string(),
      orderNo: z.string(),
      role: z.enum(['buyer', 'recipient']),
      itemTitle: z.string(),
      qty: z.number().int(),
      pointsTotal: z.number().int(),
      cashTotalFen: z.number().int(),
      status: z.enum(ORDER_STATUSES),
      createdAt: isoDateTime,
      paidAt: isoDateTime.nullable(),
    }),
  ),
  /** Coupons and pickups of the member written off in a store. */
  /** Store write-offs, with the name the store's staff saw for the member (a copy of the nickname at the time). */
  writeoffs: z.array(z.object({ subjectKind: z.enum(['coupon', 'order']), title: z.string(), storeName: z.string(), memberName: z.string(), at: isoDateTime })),
  birthdayClaims: z.array(z.object({ packageCode: z.string(), celebrationYear: z.number().int(), claimedAt: isoDateTime })),
  help: z.object({
    /** The member's own 生日助力 campaigns. */
    campaigns: z.array(
      z.object({
        id: z.string(),
        celebrationYear: z.number().int(),
        state: z.enum(['active', 'unlocking', 'unlocked', 'expired']),
        goal: z.number().int(),
        helpersCount: z.number().int(),
        startedAt: isoDateTime,
      }),
    ),
    /** Friends' campaigns the member helped. */
    assists: z.array(z.object({ campaignId: z.string(), at: isoDateTime })),
  }),
  referral: z.object({
    code: z.string().nullable(),
    /** How the member joined, when through a friend's share. */
    invitedBy: z.object({ joinedAt: isoDateTime, state: z.enum(REFERRAL_STATES) }).nullable(),
    invited: z.array(z.object({ joinedAt: isoDateTime, state: z.enum(REFERRAL_STATES), points: z.number().int() })),
    shares: z.array(z.object({ kind: z.enum(SHARE_KINDS), createdAt: isoDateTime })),
  }),
  /** What the member wrote and did in the community (photos as their addresses on the BFF). */
  community: z.object({
    posts: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        topicCode: z.string().nullable(),
        state: z.enum(CONTENT_STATES),
        photos: z.array(z.string()),
        likeCount: z.number().int(),
        commentCount: z.number().int(),
        createdAt: isoDateTime,
      }),
    ),
    /** Uploaded photos not (or no longer) in a post. */
    unpostedPhotos: z.array(z.string()),
    comments: z.array(z.object({ id: z.string(), postId: z.string(), text: z.string(), state: z.enum(CONTENT_STATES), createdAt: isoDateTime })),
    likes: z.array(z.object({ postId: z.string(), at: isoDateTime })),
    reports: z.array(z.object({ targetKind: z.enum(['post', 'comment']), reason: z.enum(REPORT_REASONS), note: z.string().nullable(), state: z.enum(['open', 'upheld', 'dismissed']), createdAt: isoDateTime })),
    blocks: z.array(z.object({ blockedAt: isoDateTime })),
    mutedUntil: isoDateTime.nullable(),
  }),
});

export const membersDeleteRequest = z.object({ confirm: z.literal(true) }).strict();
export const membersDeleteResponse = z.object({ deleted: z.literal(true) });

export type MemberProfile = z.infer<typeof memberProfileSchema>;
export type MembersMeResponse = z.infer<typeof membersMeResponse>;
export type MembersExportResponse = z.infer<typeof membersExportResponse>;
