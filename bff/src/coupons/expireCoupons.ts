import { CouponModel } from './Coupon.model';

/** The coupon expiry job: available coupons past their validity become expired. Safe to run any time. */
export async function expireCoupons(now: Date): Promise<{ expired: number }> {
  const result = await CouponModel.updateMany({ status: 'available', validUntil: { $lte: now } }, { $set: { status: 'expired', updatedAt: now } });
  return { expired: result.modifiedCount };
}
