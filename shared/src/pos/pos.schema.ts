import { z } from 'zod';
import { tierLevelSchema } from '../tiers/tiers.schema.js';
import { presentedCouponSchema } from '../memberCode/memberCode.schema.js';
import { MEMBER_CODE_MAX_COUPONS } from '../memberCode/memberCode.rules.js';

const isoDateTime = z.iso.datetime({ offset: true });
const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');
/** A till's own numbers (receipt, refund): the idempotency keys of its requests. */
const tillNumber = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1–64 位字母、数字、_ 或 -');
const fen = z.number().int().min(0).max(100_000_000);

/** The member code as scanned (the QR's signed token) or typed (the barcode's 18 digits, spaces allowed). */
const memberCodeInput = z.string().trim().min(1).max(512);

/** What the till learns of a member: nothing personal beyond a masked name. */
export const posMemberSchema = z.object({
  maskedName: z.string(),
  tier: z.object({ level: tierLevelSchema, name: z.string() }),
  pointsBalance: z.number().int(),
});

export const posCouponSchema = presentedCouponSchema.extend({
  /** Null when the coupon may be used here now; otherwise why not (a stable code and its Chinese text). */
  blocker: z.object({ code: z.string(), message: z.string() }).nullable(),
});

/**
 * How the online shop names a member it already knows (no code to scan): the mini-program's openid, the brand's
 * unionid, or the phone number (sent over the signed request, looked up by our keyed hash, never stored or logged;
 * an unkeyed hash of a phone number would protect nothing, as 11 digits are quickly enumerated).
 * Only an online integration may use these; a till scans the member code.
 */
export const posMemberRefSchema = z.union([
  z.object({ openid: z.string().trim().min(1).max(128) }).strict(),
  z.object({ unionid: z.string().trim().min(1).max(128) }).strict(),
  z.object({ phone: z.string().trim().regex(/^(?:\+?86)?1\d{10}$/, '11 位手机号，可带 +86') }).strict(),
]);

const oneMemberRef = (input: { memberCode?: string; member?: unknown }, context: z.RefinementCtx): void => {
  if ((input.memberCode === undefined) === (input.member === undefined)) {
    context.addIssue({ code: 'custom', path: ['memberCode'], message: '会员码与会员标识二选一' });
  }
};

export const posIdentifyRequest = z
  .object({ memberCode: memberCodeInput.optional(), member: posMemberRefSchema.optional() })
  .strict()
  .superRefine(oneMemberRef);
export const posIdentifyResponse = z.object({
  member: posMemberSchema,
  /** The coupons the member attached to the code, for the till to apply (by id in pos.purchase). */
  coupons: z.array(posCouponSchema),
  /** A purchase naming this code is accepted until then (the code identified here, ringing up takes time); null without a code. */
  checkoutUntil: isoDateTime.nullable(),
  /** Whether and how points may pay (pos.purchase's pointsToRedeem); null when the brand does not allow it. */
  pointsPayment: z.object({ pointsPerYuan: z.number().int(), maxSharePercent: z.number().int() }).nullable(),
});

export const posLineSchema = z
  .object({
    sku: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(80),
    qty: z.number().int().min(1).max(10_000),
    /** What the line costs before the purchase's discounts. */
    amountFen: fen,
  })
  .strict();

export const posPurchaseRequest = z
  .object({
    /** The till's receipt number (the online shop's order number): one purchase per number and integration. */
    receiptNo: tillNumber,
    /** The store's code; when given it must be the integration's own store. */
    storeCode: z.string().trim().min(1).max(32).optional(),
    purchasedAt: isoDateTime,
    lines: z.array(posLineSchema).min(1).max(200),
    /** Sum of the lines. */
    totalFen: fen,
    /** Every discount, coupons included. */
    discountFen: fen.default(0),
    /**
     * Points the member pays with, if the brand allows it (pos.identify's pointsPayment): worth pointsToRedeem × 100 /
     * pointsPerYuan fen (whole fen), at most the settings' share of totalFen − discountFen. Taken from the balance
     * once with the purchase; given back in proportion by refunds.
     */
    pointsToRedeem: z.number().int().min(0).max(100_000_000).default(0),
    /** What the customer paid in money: totalFen − discountFen − what the points paid. Points are earned on this. */
    paidFen: fen,
    /** The scanned member code; or, for the online shop only, `member`. */
    memberCode: memberCodeInput.optional(),
    member: posMemberRefSchema.optional(),
    /**
     * Coupons applied, written off with the purchase: at a till those the member attached to the code; online the
     * member's own coupons.
     */
    couponIds: z.array(objectId).max(MEMBER_CODE_MAX_COUPONS).default([]),
  })
  .strict()
  .superRefine(oneMemberRef);

export const posPurchaseResponse = z.object({
  receiptNo: z.string(),
  purchasedAt: isoDateTime,
  paidFen: z.number().int(),
  pointsEarned: z.number().int(),
  /** Points that paid part of the bill (taken from the balance), and what they paid in fen. */
  pointsRedeemed: z.number().int(),
  pointsRedeemedFen: z.number().int(),
  couponsWrittenOff: z.array(z.string()),
  member: posMemberSchema.extend({ tierChanged: z.boolean() }),
});

export const posRefundRequest = z
  .object({
    receiptNo: tillNumber,
    /** The till's refund number: one refund per number and receipt; a replay answers the same refund. */
    refundNo: tillNumber,
    refundedAt: isoDateTime,
    /** The paid amount given back; all that is left to refund makes it a whole refund. */
    refundFen: z.number().int().min(1).max(100_000_000),
  })
  .strict();

export const POS_REFUND_STATUSES = ['settled', 'waiting_for_purchase'] as const;
export const posRefundResponse = z.object({
  receiptNo: z.string(),
  refundNo: z.string(),
  /** waiting_for_purchase: the purchase has not reached us yet; the refund settles when it does. */
  status: z.enum(POS_REFUND_STATUSES),
  refundFen: z.number().int(),
  pointsClawedBack: z.number().int(),
  /** Points that paid part of the bill, given back in proportion to the refund (the last refund squares them). */
  pointsReturned: z.number().int(),
  couponsRestored: z.array(z.string()),
});

export type PosPurchaseRequest = z.infer<typeof posPurchaseRequest>;
export type PosRefundRequest = z.infer<typeof posRefundRequest>;
export type PosMember = z.infer<typeof posMemberSchema>;
export type PosMemberRef = z.infer<typeof posMemberRefSchema>;
