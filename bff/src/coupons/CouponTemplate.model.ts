import { model, Schema, type Types } from 'mongoose';
import { COUPON_TYPES, type CouponType } from '@cakeday/shared';

/** A kind of coupon, identified by a stable `code` (seeded; other features issue by code). */
export interface CouponTemplate {
  _id: Types.ObjectId;
  code: string;
  title: string;
  description: string;
  type: CouponType;
  amountOffFen: number | null;
  percentOff: number | null;
  minSpendFen: number;
  freeItemName: string | null;
  /** A coupon is valid until the end of the business day this many days after issue (day 0 = issue day). */
  validDays: number;
  active: boolean;
  createdAt: Date;
}

const couponTemplateSchema = new Schema<CouponTemplate>(
  {
    code: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    type: { type: String, enum: COUPON_TYPES, required: true },
    amountOffFen: { type: Number, default: null },
    percentOff: { type: Number, default: null },
    minSpendFen: { type: Number, default: 0 },
    freeItemName: { type: String, default: null },
    validDays: { type: Number, required: true },
    active: { type: Boolean, default: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'coupon_templates', versionKey: false },
);
couponTemplateSchema.index({ code: 1 }, { unique: true });

export const CouponTemplateModel = model<CouponTemplate>('CouponTemplate', couponTemplateSchema);
