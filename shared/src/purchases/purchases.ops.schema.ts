import { z } from 'zod';
import { opsDateTimeSchema, opsIdSchema } from '../api/opsEdits.js';
import { pageFields, pageOf } from '../api/paging.js';
import { tierLevelSchema } from '../tiers/tiers.schema.js';

/** A till or online-shop purchase as ops see it: what it earned, the tier change it caused, and its refunds. */
export const opsPurchaseSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  channel: z.enum(['store', 'online']),
  store: z.object({ id: z.string(), name: z.string() }).nullable(),
  memberId: z.string(),
  purchasedAt: opsDateTimeSchema,
  totalFen: z.number().int(),
  discountFen: z.number().int(),
  paidFen: z.number().int(),
  refundedFen: z.number().int(),
  pointsEarned: z.number().int(),
  /** Points that paid part of the bill, and what they paid in fen. */
  pointsRedeemed: z.number().int(),
  pointsRedeemedFen: z.number().int(),
  couponsUsed: z.number().int(),
  tierBefore: tierLevelSchema,
  tierAfter: tierLevelSchema.nullable(),
  /** recorded: being settled (a crash is finished by pos.settle); refused: a coupon or the code was taken meanwhile. */
  state: z.enum(['recorded', 'settled', 'refused']),
  refunds: z.array(z.object({ refundNo: z.string(), refundFen: z.number().int(), at: opsDateTimeSchema })),
});

/** A store manager sees only their store's purchases; naming another store is refused. */
export const opsPurchasesListRequest = z
  .object({
    ...pageFields,
    storeId: opsIdSchema.optional(),
    memberId: opsIdSchema.optional(),
    receiptNo: z.string().trim().min(1).max(64).optional(),
    /** Purchase time from (inclusive) … */
    from: opsDateTimeSchema.optional(),
    /** … to (exclusive). */
    to: opsDateTimeSchema.optional(),
  })
  .strict();
export const opsPurchasesListResponse = pageOf(opsPurchaseSchema);

/** One purchase with its lines, the coupons it wrote off, and each refund with the points it moved. */
export const opsPurchaseDetailSchema = opsPurchaseSchema.extend({
  /** The till or online channel that reported it. */
  integrationName: z.string().nullable(),
  lines: z.array(z.object({ sku: z.string(), name: z.string(), qty: z.number().int(), amountFen: z.number().int() })),
  coupons: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  /** Every refund reported for the receipt, settled or not, with the points it took back and gave back. */
  refundRecords: z.array(
    z.object({
      refundNo: z.string(),
      refundFen: z.number().int(),
      at: opsDateTimeSchema,
      state: z.enum(['waiting', 'settled', 'refused']),
      refusal: z.string().nullable(),
      pointsClawedBack: z.number().int(),
      pointsReturned: z.number().int(),
      couponsRestored: z.number().int(),
    }),
  ),
});

/** 404 for another store's purchase (its existence is not confirmed to a store manager). */
export const opsPurchasesGetRequest = z.object({ id: opsIdSchema }).strict();
export const opsPurchasesGetResponse = opsPurchaseDetailSchema;

export type OpsPurchase = z.infer<typeof opsPurchaseSchema>;
export type OpsPurchaseDetail = z.infer<typeof opsPurchaseDetailSchema>;
