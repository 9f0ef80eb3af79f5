import { isValidObjectId } from 'mongoose';
import { conflict, notFound } from '../errors/AppError';
import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { issueWriteoffQr } from '../writeoff/issueWriteoffQr';
import { CouponModel } from './Coupon.model';
import { listCoupons } from './listCoupons';
import { presentCoupon } from './presentCoupon';

type CouponRoutes = 'coupons.list' | 'coupons.qr';

export const couponsHandlers: Pick<RouteHandlers, CouponRoutes> = {
  'coupons.list': async (input, { deps, principal }) => listCoupons(requireMember(principal).memberId, input, deps.now()),
  'coupons.qr': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    const now = deps.now();
    const coupon = isValidObjectId(input.couponId) ? await CouponModel.findOne({ _id: input.couponId, memberId }).lean() : null;
    if (!coupon) throw notFound();
    if (!presentCoupon(coupon, now).canShowQr) throw conflict('COUPON_NOT_AVAILABLE');
    return issueWriteoffQr('coupon', coupon._id.toHexString(), now, deps.config.SESSION_SECRET);
  },
};
