import type { Types } from 'mongoose';
import { CouponModel, type Coupon } from '../coupons/Coupon.model';
import { eventKey, recordEvent } from '../events/recordEvent';

/**
 * What a campaign's coupon cost the brand when used, for the campaign's ROI: its campaign (a campaign coupon's source
 * key is its delivery's key, `<campaignId>:<memberId>:<occurrence>`) and its face amount (amount-off coupons only;
 * the others are priced by the settings' insights.costs.couponWithoutFaceFen).
 */
function campaignCostOf(coupon: Pick<Coupon, 'source' | 'sourceKey' | 'type' | 'amountOffFen'>): { campaignId?: string; faceFen?: number } {
  if (coupon.source !== 'campaign') return {};
  const campaignId = coupon.sourceKey.split(':')[0] ?? '';
  if (!/^[0-9a-f]{24}$/.test(campaignId)) return {};
  return { campaignId, ...(coupon.type === 'amount_off' && coupon.amountOffFen ? { faceFen: coupon.amountOffFen } : {}) };
}

/**
 * The coupon's use, once (`coupon.used:<couponId>`), from the coupon as stored: nothing is recorded unless it is used.
 * The write-off calls it after its gate and again when a retry finds the coupon already used, so a write-off that
 * crashed between the two is recorded by the staff's retry.
 */
export async function recordCouponUsed(couponId: Types.ObjectId, now: Date): Promise<void> {
  const coupon = await CouponModel.findById(couponId, { status: 1, usedAt: 1, memberId: 1, source: 1, sourceKey: 1, templateCode: 1, type: 1, amountOffFen: 1 }).lean();
  if (!coupon || coupon.status !== 'used' || !coupon.usedAt) return;
  const id = coupon._id.toHexString();
  await recordEvent(
    {
      type: 'coupon.used',
      key: eventKey('coupon.used', id),
      at: coupon.usedAt,
      memberId: coupon.memberId,
      subject: { type: 'coupon', id },
      props: { source: coupon.source, templateCode: coupon.templateCode, ...campaignCostOf(coupon) },
    },
    now,
  );
}
