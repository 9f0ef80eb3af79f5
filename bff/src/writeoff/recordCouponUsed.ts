import type { Types } from 'mongoose';
import { CouponModel } from '../coupons/Coupon.model';
import { eventKey, recordEvent } from '../events/recordEvent';

/**
 * The coupon's use, once (`coupon.used:<couponId>`), from the coupon as stored: nothing is recorded unless it is used.
 * The write-off calls it after its gate and again when a retry finds the coupon already used, so a write-off that
 * crashed between the two is recorded by the staff's retry.
 */
export async function recordCouponUsed(couponId: Types.ObjectId, now: Date): Promise<void> {
  const coupon = await CouponModel.findById(couponId, { status: 1, usedAt: 1, memberId: 1, source: 1, templateCode: 1 }).lean();
  if (!coupon || coupon.status !== 'used' || !coupon.usedAt) return;
  const id = coupon._id.toHexString();
  await recordEvent(
    {
      type: 'coupon.used',
      key: eventKey('coupon.used', id),
      at: coupon.usedAt,
      memberId: coupon.memberId,
      subject: { type: 'coupon', id },
      props: { source: coupon.source, templateCode: coupon.templateCode },
    },
    now,
  );
}
