import { z } from 'zod';
import { opsDateTimeSchema, opsIdSchema, opsReasonSchema } from '../api/opsEdits.js';
import { pageFields, pageOf } from '../api/paging.js';
import { MALL_ITEM_KINDS } from '../mall/mall.rules.js';
import { TIER_LEVELS } from '../tiers/tiers.rules.js';
import { CANCEL_REASONS, ORDER_STATUSES } from './orders.rules.js';

const refundStatus = z.enum(['PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL']);

export const opsOrderSummarySchema = z.object({
  id: z.string(),
  orderNo: z.string(),
  buyerMemberId: z.string(),
  /** A gift's recipient. */
  recipientMemberId: z.string().nullable(),
  item: z.object({ id: z.string(), title: z.string(), kind: z.enum(MALL_ITEM_KINDS) }),
  qty: z.number().int(),
  pointsTotal: z.number().int(),
  cashTotalFen: z.number().int(),
  priceText: z.string(),
  status: z.enum(ORDER_STATUSES),
  statusLabel: z.string(),
  createdAt: opsDateTimeSchema,
  paidAt: opsDateTimeSchema.nullable(),
  fulfilledAt: opsDateTimeSchema.nullable(),
  cancelledAt: opsDateTimeSchema.nullable(),
  refundedAt: opsDateTimeSchema.nullable(),
  refundStatus: refundStatus.nullable(),
  /** Reasons of the flags not yet handled (the work queue). */
  openFlags: z.array(z.string()),
});

export const opsOrderFlagSchema = z.object({
  reason: z.string(),
  reasonLabel: z.string(),
  detail: z.string(),
  at: opsDateTimeSchema,
  resolvedAt: opsDateTimeSchema.nullable(),
  /** The operator who handled it. */
  resolvedBy: z.string().nullable(),
  note: z.string().nullable(),
});

export const opsOrderHistoryEntrySchema = z.object({
  status: z.enum(ORDER_STATUSES),
  statusLabel: z.string(),
  at: opsDateTimeSchema,
  /** The operator who moved it; null for the member or the system. */
  by: z.string().nullable(),
});

export const opsOrderDetailSchema = opsOrderSummarySchema.extend({
  /** The buyer as ops may see them: nickname masked. */
  buyer: z.object({ id: z.string(), nickname: z.string().nullable(), tier: z.enum(TIER_LEVELS) }).nullable(),
  failureCode: z.string().nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  fulfilment: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('coupon'), couponId: z.string(), couponTitle: z.string() }),
      z.object({ type: z.literal('pickup'), usedAt: opsDateTimeSchema.nullable(), storeId: z.string().nullable(), storeName: z.string().nullable() }),
      z.object({ type: z.literal('donation'), certificateNo: z.string() }),
    ])
    .nullable(),
  payment: z.object({ transactionId: z.string(), amountFen: z.number().int(), paidAt: opsDateTimeSchema }).nullable(),
  refund: z
    .object({
      outRefundNo: z.string().nullable(),
      status: refundStatus.nullable(),
      reason: z.string().nullable(),
      requestedAt: opsDateTimeSchema,
      /** 'member', or the operator who asked for it. */
      requestedBy: z.string(),
    })
    .nullable(),
  flags: z.array(opsOrderFlagSchema),
  /**
   * Every status the order went through, oldest first. Orders placed before the history was kept get one derived
   * from their timestamps (`historyDerived`: intermediate steps are missing there).
   */
  history: z.array(opsOrderHistoryEntrySchema),
  historyDerived: z.boolean(),
  /** The program settings version the order was placed under (what it earns by); null for orders placed before. */
  settingsVersion: z.number().int().nullable(),
  actions: z.object({
    canRefund: z.boolean(),
    /** Why not, when not: already_refunded | not_fulfilled | used. */
    refundBlocker: z.enum(['already_refunded', 'not_fulfilled', 'used']).nullable(),
  }),
});

const orderFilters = {
  status: z.enum(ORDER_STATUSES).optional(),
  /** Bought or received as a gift. */
  memberId: opsIdSchema.optional(),
  orderNo: z.string().trim().min(1).max(64).optional(),
  createdFrom: opsDateTimeSchema.optional(),
  /** Exclusive. */
  createdTo: opsDateTimeSchema.optional(),
  /** Only orders with a flag not yet handled. */
  flaggedOnly: z.boolean().default(false),
};

export const opsOrdersListRequest = z.object({ ...pageFields, ...orderFilters }).strict();
export const opsOrdersListResponse = pageOf(opsOrderSummarySchema);

export const opsOrdersGetRequest = z.object({ orderId: opsIdSchema }).strict();
export const opsOrdersGetResponse = opsOrderDetailSchema;

/** Refunds through the member's refund machinery (WeChat Pay for the cash part), with the operator's reason. */
export const opsOrdersRefundRequest = z.object({ orderId: opsIdSchema, reason: opsReasonSchema }).strict();
export const opsOrdersRefundResponse = opsOrderDetailSchema;

/** Marks one open flag handled, with what was done. */
export const opsOrdersFlagsResolveRequest = z
  .object({ orderId: opsIdSchema, flag: z.string().trim().min(1).max(64), note: opsReasonSchema })
  .strict();
export const opsOrdersFlagsResolveResponse = opsOrderDetailSchema;

export const opsOrdersExportRequest = z.object(orderFilters).strict();

export type OpsOrderSummary = z.infer<typeof opsOrderSummarySchema>;
export type OpsOrderDetail = z.infer<typeof opsOrderDetailSchema>;
export type OpsOrderFilters = z.infer<typeof opsOrdersExportRequest>;
