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
  })
  .strict();
export const opsPurchasesListResponse = pageOf(opsPurchaseSchema);

export type OpsPurchase = z.infer<typeof opsPurchaseSchema>;
