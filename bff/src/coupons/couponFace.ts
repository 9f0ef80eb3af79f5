import { COUPON_TYPES, type CouponType } from '@cakeday/shared';

/** What a coupon offers: defined by its template, copied onto each coupon so later template edits do not change it. */
export interface CouponFace {
  title: string;
  description: string;
  type: CouponType;
  amountOffFen: number | null;
  percentOff: number | null;
  minSpendFen: number;
  freeItemName: string | null;
}

/** The mongoose fields of a CouponFace, for the template's and the coupon's schemas. */
export const couponFaceFields = {
  title: { type: String, required: true },
  description: { type: String, default: '' },
  type: { type: String, enum: COUPON_TYPES, required: true },
  amountOffFen: { type: Number, default: null },
  percentOff: { type: Number, default: null },
  minSpendFen: { type: Number, default: 0 },
  freeItemName: { type: String, default: null },
} as const;
