import { model, Schema, type Types } from 'mongoose';
import { couponFaceFields, type CouponFace } from './couponFace';

/** A kind of coupon, identified by a stable `code` (seeded; other features issue by code). */
export interface CouponTemplate extends CouponFace {
  _id: Types.ObjectId;
  code: string;
  /** A coupon is valid until the end of the business day this many days after issue (day 0 = issue day). */
  validDays: number;
  active: boolean;
  createdAt: Date;
}

const couponTemplateSchema = new Schema<CouponTemplate>(
  {
    code: { type: String, required: true },
    ...couponFaceFields,
    validDays: { type: Number, required: true },
    active: { type: Boolean, default: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'coupon_templates', versionKey: false },
);
couponTemplateSchema.index({ code: 1 }, { unique: true });

export const CouponTemplateModel = model<CouponTemplate>('CouponTemplate', couponTemplateSchema);
