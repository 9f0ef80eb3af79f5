import { model, Schema, type Types } from 'mongoose';
import { COUPON_SOURCES, COUPON_STATUSES, type CouponSource, type CouponStatus } from '@cakeday/shared';
import { couponFaceFields, type CouponFace } from './couponFace';

/** One coupon held by a member; the face is copied from the template so later template edits do not change it. */
export interface Coupon extends CouponFace {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  templateCode: string;
  source: CouponSource;
  /** With source and templateCode, the idempotency key of the issue (e.g. the order id). */
  sourceKey: string;
  /**
   * available → used (write-off) | expired (job) | void (order refunded); available → held (chosen for a mall order,
   * heldByOrderId) → used (the order fulfilled) | available (the order cancelled).
   */
  status: CouponStatus;
  validFrom: Date;
  validUntil: Date;
  usedAt: Date | null;
  usedStoreId: Types.ObjectId | null;
  usedStoreName: string | null;
  usedByStaffMemberId: Types.ObjectId | null;
  /** The mall order holding it (status held), or that used it (kept after a restore, like usedPurchaseKey). */
  heldByOrderId?: Types.ObjectId | null;
  /** Written off by a till or the online shop: the purchase's `<integrationId>:<receiptNo>` (kept after a restore). */
  usedPurchaseKey?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const couponSchema = new Schema<Coupon>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    templateCode: { type: String, required: true },
    ...couponFaceFields,
    source: { type: String, enum: COUPON_SOURCES, required: true },
    sourceKey: { type: String, required: true },
    status: { type: String, enum: COUPON_STATUSES, required: true },
    validFrom: { type: Date, required: true },
    validUntil: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    usedStoreId: { type: Schema.Types.ObjectId, default: null },
    usedStoreName: { type: String, default: null },
    usedByStaffMemberId: { type: Schema.Types.ObjectId, default: null },
    usedPurchaseKey: { type: String, default: null },
    heldByOrderId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'coupons', versionKey: false },
);
// An issue's key belongs to its holder (an order's unit, a birthday claim...): unique per member, so coupons can be
// sharded by member (bff/src/db/shardKeys.ts).
couponSchema.index({ memberId: 1, source: 1, sourceKey: 1, templateCode: 1 }, { unique: true, name: 'coupon_issue_once_per_member' });
couponSchema.index({ memberId: 1, status: 1, validUntil: 1 });
couponSchema.index({ status: 1, validUntil: 1 });
// A campaign's report counts the coupons it granted (source keys starting with the campaign's id).
couponSchema.index({ source: 1, sourceKey: 1 });

export const CouponModel = model<Coupon>('Coupon', couponSchema);
