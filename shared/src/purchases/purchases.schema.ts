import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

export const PURCHASE_STATUSES = ['completed', 'partially_refunded', 'refunded'] as const;
export const purchaseStatusLabels: Record<(typeof PURCHASE_STATUSES)[number], string> = { completed: '已完成', partially_refunded: '部分退款', refunded: '已退款' };

/** One purchase in the member's 消费记录: at a store's till or in the online shop. */
export const purchaseSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  /** 门店名 or 线上商城. */
  where: z.string(),
  purchasedAt: isoDateTime,
  lines: z.array(z.object({ name: z.string(), qty: z.number().int(), amountFen: z.number().int() })),
  paidFen: z.number().int(),
  /** What the till took off (coupons and promotions), in fen. */
  discountFen: z.number().int(),
  refundedFen: z.number().int(),
  pointsEarned: z.number().int(),
  couponsUsed: z.number().int(),
  status: z.enum(PURCHASE_STATUSES),
  statusLabel: z.string(),
});

export const purchasesListRequest = z
  .object({ cursor: z.string().max(64).optional(), limit: z.number().int().min(1).max(50).default(20) })
  .strict();
export const purchasesListResponse = z.object({ items: z.array(purchaseSchema), nextCursor: z.string().nullable() });

export type Purchase = z.infer<typeof purchaseSchema>;
export type PurchasesListResponse = z.infer<typeof purchasesListResponse>;
