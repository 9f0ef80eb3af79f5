import { couponBlocker, couponDiscountFen, errorStatus, type CouponBlock } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { CouponModel, type Coupon } from '../coupons/Coupon.model';
import { couponUseContextFor } from '../coupons/couponUseContextFor';
import { AppError } from '../errors/AppError';
import type { Member } from '../members/Member.model';
import type { SettingsSnapshot } from '../settings/settingsSource';
import type { OrderCoupon } from './MallOrder.model';

type Buyer = Pick<Member, '_id' | 'tier' | 'birthday' | 'birthdayHistory'>;

export interface CouponQuote {
  coupon: Coupon;
  /** What it takes off the cash part (integer fen, never more than the cash part); 0 when blocked. */
  discountFen: number;
  blocker: CouponBlock | null;
}

/**
 * What each coupon would do on a mall order whose cash part is `cashBeforeFen`, by the one rule (couponBlocker,
 * channel `mall`): coupons take money off the cash part only, never the points part (there are no points coupons),
 * so a points-only order has nothing for a coupon to discount.
 */
export async function quoteOrderCoupons(buyer: Buyer, coupons: Coupon[], cashBeforeFen: number, context: { now: Date; settings: SettingsSnapshot }): Promise<CouponQuote[]> {
  const useContext = await couponUseContextFor(buyer, { channel: 'mall', storeId: null, spendFen: cashBeforeFen, now: context.now, settings: context.settings.settings });
  return coupons.map((coupon) => {
    const blocker = couponBlocker(coupon, useContext);
    return { coupon, blocker, discountFen: blocker ? 0 : couponDiscountFen(coupon, cashBeforeFen) };
  });
}

/** The coupon the member chose at checkout, priced on the order, or the refusal with its reason. */
export async function orderCouponFor(buyer: Buyer, couponId: string, cashBeforeFen: number, context: { now: Date; settings: SettingsSnapshot }): Promise<OrderCoupon> {
  const coupon = isValidObjectId(couponId) ? await CouponModel.findOne({ _id: new Types.ObjectId(couponId), memberId: buyer._id }).lean() : null;
  if (!coupon) throw new AppError(409, 'COUPON_NOT_AVAILABLE');
  const [quote] = await quoteOrderCoupons(buyer, [coupon], cashBeforeFen, context);
  if (!quote || quote.blocker) {
    const code = quote?.blocker?.code ?? 'COUPON_NOT_AVAILABLE';
    throw new AppError(errorStatus[code], code);
  }
  return { couponId: coupon._id, title: coupon.title, discountFen: quote.discountFen, cashBeforeFen };
}
