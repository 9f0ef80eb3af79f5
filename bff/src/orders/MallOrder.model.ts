import { model, Schema, type Types } from 'mongoose';
import { CANCEL_REASONS, ORDER_STATUSES, type CancelReason, type MallItemKind, type OrderStatus } from '@cakeday/shared';
import type { RequestPaymentParams } from '../wechat/types';

export interface OrderPrepay {
  prepayId: string;
  params: RequestPaymentParams;
  expiresAt: Date;
}

export interface OrderPayment {
  transactionId: string;
  amountFen: number;
  paidAt: Date;
}

/**
 * The buyer's coupon taken off the cash part at checkout (never the points part): held by the order while it is
 * unpaid (the coupon's heldByOrderId), used when it is fulfilled, given back when it is cancelled or refunded.
 */
export interface OrderCoupon {
  couponId: Types.ObjectId;
  title: string;
  discountFen: number;
  /** The cash part before the coupon; cashTotalFen = cashBeforeFen - discountFen (what WeChat Pay is asked for). */
  cashBeforeFen: number;
}

export type StoredFulfilment =
  | { type: 'coupon'; couponId: Types.ObjectId; couponTitle: string }
  | { type: 'pickup'; usedAt: Date | null; storeId: Types.ObjectId | null; storeName: string | null; staffMemberId: Types.ObjectId | null }
  | { type: 'donation'; certificateNo: string };

/** The store a pickup order is collected at, as it was when the member chose it, and the last moment to collect. */
export interface StoredPickup {
  storeId: Types.ObjectId;
  storeName: string;
  address: string;
  phone: string | null;
  openingHours: { opens: string; closes: string } | null;
  deadline: Date;
}

/**
 * A problem ops must look at (e.g. a notification whose amount does not match); the order is not fulfilled by it.
 * Raised once per reason; ops marks it handled (ops.orders.flags.resolve), which is final for that reason.
 */
export interface OrderFlag {
  reason: string;
  at: Date;
  detail: string;
  /** Absent or null while open. */
  resolvedAt?: Date | null;
  resolvedBy?: string | null;
  note?: string | null;
}

/** One status the order moved to (transitionOrder appends it in the same write as the move). */
export interface OrderHistoryEntry {
  status: OrderStatus;
  at: Date;
  /** The operator who moved it (their audit name); null for the member or the system. */
  by: string | null;
}

/** Who asked for the refund, and why (set when the refund is claimed). */
export interface RefundRequest {
  by: 'member' | 'operator';
  operatorId: string | null;
  operatorName: string | null;
  reason: string | null;
  at: Date;
}

export interface MallOrder {
  _id: Types.ObjectId;
  /** out_trade_no at WeChat Pay; unique. */
  orderNo: string;
  buyerMemberId: Types.ObjectId;
  /** A gift: fulfilment goes to this member. */
  recipientMemberId: Types.ObjectId | null;
  giftRef: string | null;
  /** Unique per buyer: the same checkout attempt never makes two orders. */
  idempotencyKey: string;
  itemId: Types.ObjectId;
  item: { title: string; coverImage: string; kind: MallItemKind; couponTemplateCode: string | null };
  qty: number;
  pointsTotal: number;
  /** What is paid in cash: after the coupon, if any. */
  cashTotalFen: number;
  /** Absent on orders placed before coupons could be used on them. */
  coupon?: OrderCoupon | null;
  /** The per-member limit counter this order counts in. */
  limitKey: string;
  status: OrderStatus;
  /** The 409 code that failed the order when it was refused on the way (limit, points, stock). */
  failureCode: string | null;
  paymentDeadline: Date | null;
  prepay: OrderPrepay | null;
  payment: OrderPayment | null;
  fulfilment: StoredFulfilment | null;
  /** The store chosen at checkout for a pickup item; absent or null for other items, gifts and older orders. */
  pickup?: StoredPickup | null;
  pointsEarned: number;
  cancelReason: CancelReason | null;
  refund: { outRefundNo: string; status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL'; reason: string | null; requestedAt: Date } | null;
  flags: OrderFlag[];
  /** When the sweeper should next look at this order (see sweepSchedule.ts); null once it needs nothing more. */
  nextAttemptAt: Date | null;
  /** Sweeps in a row that did not move the order on; reset by every change of state. */
  sweepAttempts: number;
  /** Absent on orders placed before the history was kept (presentOrderForOps derives one from the timestamps). */
  history?: OrderHistoryEntry[];
  refundRequest?: RefundRequest | null;
  /** The audit entries of ops actions on the order (audit/audited.ts). */
  auditSeqs?: number[];
  /**
   * The program settings version in force when the order was placed: its cash part earns by it, however much later
   * it is paid or fulfilled. Absent on orders placed before versions were recorded (they earn by the settings in force).
   */
  settingsVersion?: number | null;
  createdAt: Date;
  updatedAt: Date;
  paidAt: Date | null;
  fulfilledAt: Date | null;
  cancelledAt: Date | null;
  refundedAt: Date | null;
}

const orderSchema = new Schema<MallOrder>(
  {
    orderNo: { type: String, required: true },
    buyerMemberId: { type: Schema.Types.ObjectId, required: true },
    recipientMemberId: { type: Schema.Types.ObjectId, default: null },
    giftRef: { type: String, default: null },
    idempotencyKey: { type: String, required: true },
    itemId: { type: Schema.Types.ObjectId, required: true },
    item: { type: Schema.Types.Mixed, required: true },
    qty: { type: Number, required: true },
    pointsTotal: { type: Number, required: true },
    cashTotalFen: { type: Number, required: true },
    coupon: { type: Schema.Types.Mixed, default: null },
    limitKey: { type: String, required: true },
    status: { type: String, enum: ORDER_STATUSES, required: true },
    failureCode: { type: String, default: null },
    paymentDeadline: { type: Date, default: null },
    prepay: { type: Schema.Types.Mixed, default: null },
    payment: { type: Schema.Types.Mixed, default: null },
    fulfilment: { type: Schema.Types.Mixed, default: null },
    pickup: { type: Schema.Types.Mixed, default: null },
    pointsEarned: { type: Number, default: 0 },
    cancelReason: { type: String, enum: [...CANCEL_REASONS, null], default: null },
    refund: { type: Schema.Types.Mixed, default: null },
    nextAttemptAt: { type: Date, default: null },
    sweepAttempts: { type: Number, default: 0 },
    flags: {
      type: [new Schema<OrderFlag>({ reason: String, detail: String, at: Date, resolvedAt: Date, resolvedBy: String, note: String }, { _id: false })],
      default: [],
    },
    history: { type: [new Schema<OrderHistoryEntry>({ status: String, at: Date, by: String }, { _id: false })], default: undefined },
    refundRequest: { type: Schema.Types.Mixed, default: null },
    auditSeqs: { type: [Number], default: undefined },
    settingsVersion: { type: Number, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    paidAt: { type: Date, default: null },
    fulfilledAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    refundedAt: { type: Date, default: null },
  },
  { collection: 'mall_orders', versionKey: false },
);
orderSchema.index({ orderNo: 1 }, { unique: true });
orderSchema.index({ buyerMemberId: 1, idempotencyKey: 1 }, { unique: true, name: 'order_once_per_key' });
orderSchema.index({ buyerMemberId: 1, _id: -1 });
orderSchema.index({ recipientMemberId: 1, _id: -1 });
orderSchema.index({ status: 1, updatedAt: 1 });
orderSchema.index({ nextAttemptAt: 1, _id: 1 });
orderSchema.index({ createdAt: -1 });

export const MallOrderModel = model<MallOrder>('MallOrder', orderSchema);
