import { z } from 'zod';
import { pageFields, pageOf } from '../api/paging.js';
import { consentRecordSchema, consentStatusSchema } from '../consents/consents.schema.js';
import { COUPON_SOURCES, COUPON_STATUSES } from '../coupons/coupons.rules.js';
import { ORDER_STATUSES } from '../orders/orders.rules.js';
import { opsLedgerEntrySchema } from '../points/points.ops.schema.js';
import { pointsSummarySchema } from '../points/points.schema.js';
import { REFERRAL_STATES } from '../referral/referral.schema.js';
import { tierLevelSchema, tierSummarySchema } from '../tiers/tiers.schema.js';

/**
 * The ops console's view of members. Personal data is masked in every answer (138****1234, 王*明, birthdays
 * without the year); only `ops.members.reveal` returns it whole, with a reason, audited, for one view.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const objectId = z.string().trim().regex(/^[0-9a-fA-F]{24}$/, '会员编号格式不正确');

export const MEMBER_STATUSES = ['active', 'deleted'] as const;
export const memberStatusSchema = z.enum(MEMBER_STATUSES);

/** Filters shared by the search and the export. */
const memberFilters = {
  /** Exact match through the keyed hash (the stored number stays encrypted): 13812341234, +86 138 1234 1234. */
  phone: z.string().trim().regex(/^\+?[\d\s-]{5,24}$/, '手机号格式不正确').optional(),
  memberId: objectId.optional(),
  /** Nickname contains (case-insensitive, literal text). */
  nickname: z.string().trim().min(1).max(20).optional(),
  tier: tierLevelSchema.optional(),
  status: memberStatusSchema.optional(),
  /** Joined at or after. */
  joinedFrom: isoDateTime.optional(),
  /** Joined before. */
  joinedTo: isoDateTime.optional(),
};

export const opsMemberRowSchema = z.object({
  id: z.string(),
  nicknameMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  tier: tierLevelSchema,
  tierName: z.string(),
  pointsBalance: z.number().int(),
  status: memberStatusSchema,
  memberSince: isoDateTime,
});

export const opsMembersSearchRequest = z.object({ ...pageFields, ...memberFilters }).strict();
export const opsMembersSearchResponse = pageOf(opsMemberRowSchema);

export const opsMembersExportRequest = z.object(memberFilters).strict();

export const opsPointsLotSchema = z.object({
  lotId: z.string(),
  earnedAt: isoDateTime,
  expiresAt: isoDateTime,
  amount: z.number().int(),
  remaining: z.number().int(),
});

export const opsMemberOrderSchema = z.object({
  id: z.string(),
  orderNo: z.string(),
  itemTitle: z.string(),
  qty: z.number().int(),
  pointsTotal: z.number().int(),
  cashTotalFen: z.number().int(),
  status: z.enum(ORDER_STATUSES),
  statusLabel: z.string(),
  /** The member received it as a gift (someone else paid). */
  received: z.boolean(),
  createdAt: isoDateTime,
});

export const opsCouponSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  valueText: z.string(),
  status: z.enum(COUPON_STATUSES),
  statusLabel: z.string(),
  source: z.enum(COUPON_SOURCES),
  sourceLabel: z.string(),
  validUntil: isoDateTime,
  usedAt: isoDateTime.nullable(),
  usedStoreName: z.string().nullable(),
});

const referralRowSchema = z.object({
  memberId: z.string(),
  nicknameMasked: z.string().nullable(),
  boundAt: isoDateTime,
  state: z.enum(REFERRAL_STATES),
  points: z.number().int(),
});

export const opsHelpCampaignSummarySchema = z.object({
  id: z.string(),
  celebrationYear: z.number().int(),
  goal: z.number().int(),
  helpersCount: z.number().int(),
  state: z.enum(['active', 'unlocking', 'unlocked', 'expired']),
  giftTitle: z.string(),
  startedAt: isoDateTime,
  expiresAt: isoDateTime,
  unlockedAt: isoDateTime.nullable(),
});

export const opsMembersGetRequest = z.object({ memberId: objectId }).strict();
export const opsMembersGetResponse = z.object({
  profile: z.object({
    id: z.string(),
    nicknameMasked: z.string().nullable(),
    phoneMasked: z.string().nullable(),
    /** Month and day only; the year is revealed with a reason. */
    birthday: z.object({ month: z.number().int(), day: z.number().int(), yearKnown: z.boolean() }).nullable(),
    status: memberStatusSchema,
    memberSince: isoDateTime,
    deletedAt: isoDateTime.nullable(),
    unionidLinked: z.boolean(),
  }),
  tier: tierSummarySchema.extend({ since: isoDateTime, reviewedAt: isoDateTime.nullable() }),
  points: pointsSummarySchema.extend({
    lots: z.array(opsPointsLotSchema),
    /** The newest ledger lines; `ops.points.ledger` pages through all of them. */
    latestEntries: z.array(opsLedgerEntrySchema),
    entriesTotal: z.number().int(),
  }),
  orders: z.object({ total: z.number().int(), latest: z.array(opsMemberOrderSchema) }),
  coupons: z.object({ available: z.number().int(), total: z.number().int(), latest: z.array(opsCouponSummarySchema) }),
  consents: z.object({ statuses: z.array(consentStatusSchema), records: z.array(consentRecordSchema) }),
  referrals: z.object({
    /** Who brought this member in, if anyone. */
    referredBy: referralRowSchema.nullable(),
    invited: z.object({ total: z.number().int(), rewarded: z.number().int(), latest: z.array(referralRowSchema) }),
  }),
  helpCampaigns: z.array(opsHelpCampaignSummarySchema),
});

export const REVEALABLE_FIELDS = ['phone', 'birthday', 'nickname'] as const;

export const opsMembersRevealRequest = z
  .object({
    memberId: objectId,
    /** Why the operator needs the data; stored in the audit log. */
    reason: z.string().trim().min(2).max(200),
    fields: z.array(z.enum(REVEALABLE_FIELDS)).min(1).max(REVEALABLE_FIELDS.length).default([...REVEALABLE_FIELDS]),
  })
  .strict();
/** For one view: the console shows it and does not keep it. Fields not asked for are null. */
export const opsMembersRevealResponse = z.object({
  memberId: z.string(),
  phone: z.string().nullable(),
  nickname: z.string().nullable(),
  birthday: z.object({ month: z.number().int(), day: z.number().int(), year: z.number().int().nullable() }).nullable(),
  /** The audit entry that records this reveal. */
  auditSeq: z.number().int(),
});

export type OpsMemberRow = z.infer<typeof opsMemberRowSchema>;
export type OpsMembersSearchRequest = z.infer<typeof opsMembersSearchRequest>;
export type OpsMembersExportRequest = z.infer<typeof opsMembersExportRequest>;
export type OpsMembersGetResponse = z.infer<typeof opsMembersGetResponse>;
export type OpsMembersRevealRequest = z.infer<typeof opsMembersRevealRequest>;
export type OpsMembersRevealResponse = z.infer<typeof opsMembersRevealResponse>;
export type OpsMemberOrder = z.infer<typeof opsMemberOrderSchema>;
export type OpsCouponSummary = z.infer<typeof opsCouponSummarySchema>;
export type OpsHelpCampaignSummary = z.infer<typeof opsHelpCampaignSummarySchema>;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];
