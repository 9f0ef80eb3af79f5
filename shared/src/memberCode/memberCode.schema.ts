import { z } from 'zod';
import { tierLevelSchema } from '../tiers/tiers.schema.js';
import { MEMBER_CODE_MAX_COUPONS } from './memberCode.rules.js';

const isoDateTime = z.iso.datetime({ offset: true });
const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');

/** A coupon as the member code page and the till show it. */
export const presentedCouponSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** “¥10”, “8折”, “免费” */
  valueText: z.string(),
  /** “满50元可用” */
  conditionText: z.string(),
  /** 限首单使用, 限生日当月使用 … */
  restrictions: z.array(z.string()),
  validUntil: isoDateTime,
});

export const memberCodeIssueRequest = z
  .object({
    /** The member's available coupons to use with this code (the till writes them off with the purchase). */
    couponIds: z.array(objectId).max(MEMBER_CODE_MAX_COUPONS).default([]),
  })
  .strict();

export const memberCodeIssueResponse = z.object({
  /** The QR code's content: signed, useless after `expiresAt`. */
  token: z.string(),
  /** The barcode's 18 digits, also what a cashier types. */
  numericCode: z.string(),
  expiresAt: isoDateTime,
  refreshAfterSeconds: z.number().int(),
  coupons: z.array(presentedCouponSchema),
  member: z.object({
    tier: z.object({ level: tierLevelSchema, name: z.string() }),
    pointsBalance: z.number().int(),
  }),
});

export type PresentedCoupon = z.infer<typeof presentedCouponSchema>;
export type MemberCodeIssueRequest = z.infer<typeof memberCodeIssueRequest>;
export type MemberCodeIssueResponse = z.infer<typeof memberCodeIssueResponse>;
