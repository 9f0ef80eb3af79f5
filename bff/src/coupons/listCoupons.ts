import type { CouponsListRequest, CouponsListResponse } from '@cakeday/shared';
import { isValidObjectId, Types, type QueryFilter } from 'mongoose';
import { CouponModel, type Coupon } from './Coupon.model';
import { presentCoupon } from './presentCoupon';

/** Available coupons (soonest to expire first is not cursor-friendly; newest first) or the used/expired history. */
export async function listCoupons(memberId: string, input: CouponsListRequest, now: Date): Promise<CouponsListResponse> {
  const member = new Types.ObjectId(memberId);
  const available: QueryFilter<Coupon> = { memberId: member, status: 'available', validUntil: { $gt: now } };
  const history: QueryFilter<Coupon> = { memberId: member, $or: [{ status: { $ne: 'available' } }, { validUntil: { $lte: now } }] };
  const filter: QueryFilter<Coupon> = { ...(input.status === 'available' ? available : history) };
  if (input.cursor && isValidObjectId(input.cursor)) filter._id = { $lt: new Types.ObjectId(input.cursor) };
  const [rows, availableCount] = await Promise.all([
    CouponModel.find(filter).sort({ _id: -1 }).limit(input.limit + 1).lean(),
    CouponModel.countDocuments(available),
  ]);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((coupon) => presentCoupon(coupon, now)),
    nextCursor: rows.length > input.limit ? (page[page.length - 1]?._id.toHexString() ?? null) : null,
    availableCount,
  };
}
