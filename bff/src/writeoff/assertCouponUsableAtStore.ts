import { couponBlocker, errorStatus, type ProgramSettings } from '@cakeday/shared';
import type { Coupon } from '../coupons/Coupon.model';
import { couponUseContextFor } from '../coupons/couponUseContextFor';
import { AppError } from '../errors/AppError';
import { MemberModel } from '../members/Member.model';
import type { Store } from './Store.model';

/**
 * The staff's scan meets the same rule as the till (couponBlocker): a coupon for another store, channel, tier, the
 * birthday month or a first order only is refused with its reason. The bill is not known here: the minimum spend is
 * the staff's to check (the QR's detail shows it).
 */
export async function assertCouponUsableAtStore(coupon: Coupon, store: Pick<Store, '_id'>, context: { now: Date; settings: ProgramSettings }): Promise<void> {
  const member = await MemberModel.findById(coupon.memberId, { tier: 1, birthday: 1, birthdayHistory: 1 }).lean();
  if (!member) throw new AppError(409, 'COUPON_NOT_AVAILABLE');
  const useContext = await couponUseContextFor(member, { channel: 'store', storeId: store._id.toHexString(), spendFen: null, now: context.now, settings: context.settings });
  const blocker = couponBlocker(coupon, useContext);
  if (blocker) throw new AppError(errorStatus[blocker.code], blocker.code);
}
