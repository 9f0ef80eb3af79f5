import { z } from 'zod';
import { memberTextInput } from '../text/memberText.schema.js';
import { MALL_ITEM_KINDS } from '../mall/mall.rules.js';
import { openingHoursSchema } from '../stores/stores.schema.js';
import { CANCEL_REASONS, ORDER_STATUSES } from './orders.rules.js';

const isoDateTime = z.iso.datetime({ offset: true });
const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');

export const orderStatusSchema = z.enum(ORDER_STATUSES);

/** What `Taro.requestPayment` takes, plus the order number (the H5 build hands it to the sandbox's pay page). */
export const paymentRequestSchema = z.object({
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
  outTradeNo: z.string(),
  /** When WeChat stops accepting payment; the order closes then. */
  expiresAt: isoDateTime,
});

export const orderFulfilmentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('coupon'),
    couponId: z.string(),
    couponTitle: z.string(),
  }),
  z.object({
    /** Write-off at a store with the order QR (orders.qr). */
    type: z.literal('pickup'),
    usedAt: isoDateTime.nullable(),
    storeName: z.string().nullable(),
  }),
  z.object({
    type: z.literal('donation'),
    certificateNo: z.string(),
  }),
]);

/** Where and until when a pickup order is collected (the store the member chose at checkout). */
export const orderPickupSchema = z.object({
  store: z.object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    phone: z.string().nullable(),
    openingHours: openingHoursSchema.nullable(),
  }),
  /** The last moment to collect it (Asia/Shanghai business time). */
  deadline: isoDateTime,
  /** "请于 12月3日 21:00 前到 南京西路店 自提" */
  deadlineText: z.string(),
});

export const orderSchema = z.object({
  id: z.string(),
  /** The order number shown to the member and sent to WeChat Pay as out_trade_no. */
  orderNo: z.string(),
  item: z.object({
    id: z.string(),
    title: z.string(),
    coverImage: z.string(),
    kind: z.enum(MALL_ITEM_KINDS),
  }),
  qty: z.number().int(),
  /** Totals for the whole order. */
  pointsTotal: z.number().int(),
  /** What is paid in cash, after the coupon (if any). */
  cashTotalFen: z.number().int(),
  /** The coupon used on the order: held while it is unpaid, used once paid, given back when it is not. */
  coupon: z.object({ id: z.string(), title: z.string(), discountFen: z.number().int() }).nullable(),
  /** “2400 积分 + ¥19.80” */
  priceText: z.string(),
  status: orderStatusSchema,
  /** 待支付 / 兑换成功 / 已取消 … */
  statusLabel: z.string(),
  statusTone: z.enum(['info', 'warning', 'success', 'muted', 'danger']),
  /** Why it was cancelled (Chinese), when cancelled. */
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  cancelReasonText: z.string().nullable(),
  createdAt: isoDateTime,
  /** For awaiting_payment: when the unpaid order closes. */
  paymentDeadline: isoDateTime.nullable(),
  paidAt: isoDateTime.nullable(),
  fulfilledAt: isoDateTime.nullable(),
  cancelledAt: isoDateTime.nullable(),
  refundedAt: isoDateTime.nullable(),
  fulfilment: orderFulfilmentSchema.nullable(),
  /** For a pickup chosen at a store; null for other items and for orders placed without one (gifts, older orders). */
  pickup: orderPickupSchema.nullable(),
  /** Points the cash part earned (0 until fulfilled, and for points-only orders). */
  pointsEarned: z.number().int(),
  /** A gift bought for another member (birthday wishlist). */
  gift: z
    .object({
      /** True when the caller is the recipient, false when the caller bought it. */
      received: z.boolean(),
      giftRef: z.string().nullable(),
    })
    .nullable(),
  actions: z.object({
    canPay: z.boolean(),
    canCancel: z.boolean(),
    canRefund: z.boolean(),
    /** A pickup order not yet written off: show the QR (orders.qr). */
    canShowQr: z.boolean(),
  }),
});

export const ORDER_LIST_FILTERS = ['all', 'awaiting_payment', 'fulfilled', 'closed'] as const;

export const ordersListRequest = z
  .object({
    /** closed = cancelled or refunded. */
    filter: z.enum(ORDER_LIST_FILTERS).default('all'),
    cursor: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

export const ordersListResponse = z.object({
  items: z.array(orderSchema),
  nextCursor: z.string().nullable(),
});

export const ordersGetRequest = z.object({ orderId: objectId }).strict();
export const ordersGetResponse = z.object({ order: orderSchema });

export const ordersCancelRequest = z.object({ orderId: objectId }).strict();
export const ordersCancelResponse = z.object({ order: orderSchema });

/** Payment parameters again for an order still awaiting payment (the member closed the pay sheet). */
export const ordersPayRequest = z.object({ orderId: objectId }).strict();
export const ordersPayResponse = z.object({ order: orderSchema, payment: paymentRequestSchema });

/** After `requestPayment` succeeds: asks WeChat Pay for the outcome instead of waiting for the notification. */
export const ordersConfirmPaymentRequest = z.object({ orderId: objectId }).strict();
export const ordersConfirmPaymentResponse = z.object({ order: orderSchema });

export const ordersRefundRequest = z
  .object({
    orderId: objectId,
    reason: memberTextInput({ min: 0, max: 80 }).optional(),
  })
  .strict();
export const ordersRefundResponse = z.object({ order: orderSchema });

/** A short-lived signed token for the write-off QR; the page refreshes it every `refreshAfterSeconds`. */
export const qrTokenSchema = z.object({
  token: z.string(),
  /** 12 digits printed beside the QR for the till to type when scanning fails (writeoffCode.rules); as long-lived. */
  numericCode: z.string(),
  expiresAt: isoDateTime,
  refreshAfterSeconds: z.number().int(),
});

export const ordersQrRequest = z.object({ orderId: objectId }).strict();
export const ordersQrResponse = qrTokenSchema;

export type Order = z.infer<typeof orderSchema>;
export type OrderFulfilment = z.infer<typeof orderFulfilmentSchema>;
export type OrderPickup = z.infer<typeof orderPickupSchema>;
export type PaymentRequest = z.infer<typeof paymentRequestSchema>;
export type QrToken = z.infer<typeof qrTokenSchema>;
export type OrdersListRequest = z.infer<typeof ordersListRequest>;
export type OrdersListResponse = z.infer<typeof ordersListResponse>;
