import { model, Schema, type Types } from 'mongoose';
import { TIER_LEVELS, type ErrorCode, type TierLevel } from '@cakeday/shared';

/**
 * One purchase a till or the online shop reported, keyed by its receipt number per integration (the unique index is
 * the idempotency key). recorded → settled (code used, coupons written off, points earned, spend counted) or
 * refused (a coupon or the code was taken meanwhile: everything this purchase took is given back first). Each
 * settling step is idempotent by the purchase's id, so a retry, a duplicate or pos.settle finishes a crashed one.
 */
export interface PosPurchase {
  _id: Types.ObjectId;
  integrationId: Types.ObjectId;
  receiptNo: string;
  /** SHA-256 of the request: the same receipt number with other content is refused (IDEMPOTENCY_KEY_REUSED). */
  requestHash: string;
  channel: 'store' | 'online';
  storeId: Types.ObjectId | null;
  storeName: string | null;
  memberId: Types.ObjectId;
  /** The scanned code; null when the online shop named the member. */
  memberCodeId: Types.ObjectId | null;
  purchasedAt: Date;
  lines: { sku: string; name: string; qty: number; amountFen: number }[];
  totalFen: number;
  discountFen: number;
  paidFen: number;
  /** Points that paid part of the bill (absent before points could pay = 0), and what they paid in fen. */
  pointsRedeemed?: number;
  pointsRedeemedFen?: number;
  couponIds: Types.ObjectId[];
  /** Decided when recorded, from the settings in force at purchasedAt and the tier then: a retry earns the same. */
  settingsVersion: number;
  tierBefore: TierLevel;
  inBirthdayMonth: boolean;
  pointsEarned: number;
  state: 'recorded' | 'settled' | 'refused';
  refusal: ErrorCode | null;
  tierAfter: TierLevel | null;
  /** Refunds claimed against it, in order: each knows what was refunded before it (its clawback's share). */
  refunds: { refundNo: string; refundFen: number; refundedBeforeFen: number; at: Date }[];
  refundedFen: number;
  createdAt: Date;
  settledAt: Date | null;
  /** When pos.settle next looks at it while recorded. */
  nextAttemptAt: Date | null;
}

const lineSchema = new Schema({ sku: String, name: String, qty: Number, amountFen: Number }, { _id: false });
const refundSchema = new Schema({ refundNo: String, refundFen: Number, refundedBeforeFen: Number, at: Date }, { _id: false });

const posPurchaseSchema = new Schema<PosPurchase>(
  {
    integrationId: { type: Schema.Types.ObjectId, required: true },
    receiptNo: { type: String, required: true },
    requestHash: { type: String, required: true },
    channel: { type: String, enum: ['store', 'online'], required: true },
    storeId: { type: Schema.Types.ObjectId, default: null },
    storeName: { type: String, default: null },
    memberId: { type: Schema.Types.ObjectId, required: true },
    memberCodeId: { type: Schema.Types.ObjectId, default: null },
    purchasedAt: { type: Date, required: true },
    lines: { type: [lineSchema], default: [] },
    totalFen: { type: Number, required: true },
    discountFen: { type: Number, required: true },
    paidFen: { type: Number, required: true },
    pointsRedeemed: { type: Number, default: 0 },
    pointsRedeemedFen: { type: Number, default: 0 },
    couponIds: { type: [Schema.Types.ObjectId], default: [] },
    settingsVersion: { type: Number, required: true },
    tierBefore: { type: String, enum: TIER_LEVELS, required: true },
    inBirthdayMonth: { type: Boolean, required: true },
    pointsEarned: { type: Number, required: true },
    state: { type: String, enum: ['recorded', 'settled', 'refused'], required: true },
    refusal: { type: String, default: null },
    tierAfter: { type: String, enum: [...TIER_LEVELS, null], default: null },
    refunds: { type: [refundSchema], default: [] },
    refundedFen: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    settledAt: { type: Date, default: null },
    nextAttemptAt: { type: Date, default: null },
  },
  { collection: 'pos_purchases', versionKey: false },
);
posPurchaseSchema.index({ integrationId: 1, receiptNo: 1 }, { unique: true, name: 'receipt_once_per_integration' });
posPurchaseSchema.index({ memberId: 1, purchasedAt: -1 });
posPurchaseSchema.index({ state: 1, nextAttemptAt: 1 });

export const PosPurchaseModel = model<PosPurchase>('PosPurchase', posPurchaseSchema);

/** The purchase's own key on what it takes (the member code, coupons): `<integrationId>:<receiptNo>`. */
export const purchaseKeyOf = (purchase: Pick<PosPurchase, 'integrationId' | 'receiptNo'>): string => `${purchase.integrationId.toHexString()}:${purchase.receiptNo}`;
export const posEarnKey = (purchaseId: Types.ObjectId): string => `pos-earn:${purchaseId.toHexString()}`;
/** The points that paid part of the bill: taken once per purchase, whatever retries or duplicates come. */
export const posRedeemKey = (purchaseId: Types.ObjectId): string => `pos-redeem:${purchaseId.toHexString()}`;
/** Given back in full when the purchase is refused after its points were taken. */
export const posRedeemReturnKey = (purchaseId: Types.ObjectId): string => `pos-redeem-return:${purchaseId.toHexString()}`;
export const posRefundRedeemKey = (purchaseId: Types.ObjectId, refundNo: string): string => `pos-refund-redeem:${purchaseId.toHexString()}:${refundNo}`;
export const posSpendKey = (purchaseId: Types.ObjectId): string => `pos-spend:${purchaseId.toHexString()}`;
export const posRefundPointsKey = (purchaseId: Types.ObjectId, refundNo: string): string => `pos-refund-points:${purchaseId.toHexString()}:${refundNo}`;
export const posRefundSpendKey = (purchaseId: Types.ObjectId, refundNo: string): string => `pos-refund-spend:${purchaseId.toHexString()}:${refundNo}`;
