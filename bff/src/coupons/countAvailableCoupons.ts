import { Types } from 'mongoose';
import { CouponModel } from './Coupon.model';

/** Coupons the member can still use now: available and not past their validity (the expiry job may not have run yet). */
export async function countAvailableCoupons(memberId: string, now: Date): Promise<number> {
  return CouponModel.countDocuments({ memberId: new Types.ObjectId(memberId), status: 'available', validUntil: { $gt: now } });
}
