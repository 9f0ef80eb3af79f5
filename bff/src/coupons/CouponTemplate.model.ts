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
  /** Absent on seeded templates. */
  updatedAt?: Date;
  /** Optimistic version (absent on seeded templates = 0). */
  version?: number;
  /** The audit entries of the last ops changes (audit/audited.ts). */
  auditSeqs?: number[];
}

const couponTemplateSchema = new Schema<CouponTemplate>(
  {
    code: { type: String, required: true },
    ...couponFaceFields,
    validDays: { type: Number, required: true },
    active: { type: Boolean, default: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date },
    version: { type: Number, default: 0 },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'coupon_templates', versionKey: false },
);
couponTemplateSchema.index({ code: 1 }, { unique: true });

export const CouponTemplateModel = model<CouponTemplate>('CouponTemplate', couponTemplateSchema);
