import type { MallCheckoutCouponsRequest, MallCheckoutCouponsResponse } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { CouponModel } from '../coupons/Coupon.model';
import { presentCoupon } from '../coupons/presentCoupon';
import { notFound } from '../errors/AppError';
import { MemberModel } from '../members/Member.model';
import { quoteOrderCoupons } from '../orders/quoteOrderCoupon';
import type { SettingsSnapshot } from '../settings/settingsSource';
import { MallItemModel } from './MallItem.model';

const MAX_LISTED = 50;

/**
 * The member's available coupons at checkout, those usable on this order first (largest discount first), then the
 * others with the reason each is refused: the same rule mall.redeem applies when the member picks one.
 */
export async function checkoutCoupons(memberId: string, input: MallCheckoutCouponsRequest, context: { now: Date; settings: SettingsSnapshot }): Promise<MallCheckoutCouponsResponse> {
  if (!isValidObjectId(input.itemId)) throw notFound();
  const [item, buyer] = await Promise.all([
    MallItemModel.findById(input.itemId, { cashFen: 1 }).lean(),
    MemberModel.findOne({ _id: new Types.ObjectId(memberId), status: 'active' }, { tier: 1, birthday: 1, birthdayHistory: 1 }).lean(),
  ]);
  if (!item || !buyer) throw notFound();
  const cashTotalFen = item.cashFen * input.qty;
  const coupons = await CouponModel.find({ memberId: buyer._id, status: 'available', validUntil: { $gt: context.now } })
    .sort({ validUntil: 1 })
    .limit(MAX_LISTED)
    .lean();
  const quotes = await quoteOrderCoupons(buyer, coupons, cashTotalFen, context);
  const ordered = [...quotes.filter((quote) => !quote.blocker).sort((a, b) => b.discountFen - a.discountFen), ...quotes.filter((quote) => quote.blocker)];
  return {
    cashTotalFen,
    items: ordered.map((quote) => ({ coupon: presentCoupon(quote.coupon, context.now), discountFen: quote.discountFen, blocker: quote.blocker })),
  };
}
