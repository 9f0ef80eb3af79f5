import { Schema } from 'mongoose';
import { COUPON_CHANNELS, COUPON_TYPES, TIER_LEVELS, type CouponConditions, type CouponType } from '@cakeday/shared';

/** What a coupon offers: defined by its template, copied onto each coupon so later template edits do not change it. */
export interface CouponFace {
  title: string;
  description: string;
  type: CouponType;
  amountOffFen: number | null;
  percentOff: number | null;
  minSpendFen: number;
  freeItemName: string | null;
  /** Who may use it, where and when (couponBlocker); absent on faces stored before conditions existed = none. */
  conditions?: CouponConditions | null;
}

const conditionsSchema = new Schema<CouponConditions>(
  {
    firstOrderOnly: { type: Boolean, default: false },
    tiers: { type: [String], enum: TIER_LEVELS, default: [] },
    birthdayMonthOnly: { type: Boolean, default: false },
    storeIds: { type: [String], default: [] },
    channels: { type: [String], enum: COUPON_CHANNELS, default: [] },
  },
  { _id: false },
);

/** The mongoose fields of a CouponFace, for the template's and the coupon's schemas. */
export const couponFaceFields = {
  title: { type: String, required: true },
  description: { type: String, default: '' },
  type: { type: String, enum: COUPON_TYPES, required: true },
  amountOffFen: { type: Number, default: null },
  percentOff: { type: Number, default: null },
  minSpendFen: { type: Number, default: 0 },
  freeItemName: { type: String, default: null },
  conditions: { type: conditionsSchema, default: null },
} as const;
