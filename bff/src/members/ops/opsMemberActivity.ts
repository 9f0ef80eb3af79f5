import { couponSourceLabels, couponStatusLabels, couponValueText, orderStatusDisplay, toBusinessIso, type OpsMembersGetResponse } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { CouponModel } from '../../coupons/Coupon.model';
import { countAvailableCoupons } from '../../coupons/countAvailableCoupons';
import { MallOrderModel } from '../../orders/MallOrder.model';

const LATEST = 10;

/** The member's orders (bought or received as gifts): how many, and the newest. */
export async function opsMemberOrders(memberId: Types.ObjectId): Promise<OpsMembersGetResponse['orders']> {
  const filter = { $or: [{ buyerMemberId: memberId }, { recipientMemberId: memberId }] };
  const [orders, total] = await Promise.all([MallOrderModel.find(filter).sort({ _id: -1 }).limit(LATEST).lean(), MallOrderModel.countDocuments(filter)]);
  return {
    total,
    latest: orders.map((order) => ({
      id: order._id.toHexString(),
      orderNo: order.orderNo,
      itemTitle: order.item.title,
      qty: order.qty,
      pointsTotal: order.pointsTotal,
      cashTotalFen: order.cashTotalFen,
      status: order.status,
      statusLabel: orderStatusDisplay[order.status].label,
      received: !order.buyerMemberId.equals(memberId),
      createdAt: toBusinessIso(order.createdAt),
    })),
  };
}

/** The member's coupons: how many are usable now, how many in all, and the newest. */
export async function opsMemberCoupons(memberId: Types.ObjectId, now: Date): Promise<OpsMembersGetResponse['coupons']> {
  const [coupons, total, available] = await Promise.all([
    CouponModel.find({ memberId }).sort({ _id: -1 }).limit(LATEST).lean(),
    CouponModel.countDocuments({ memberId }),
    countAvailableCoupons(memberId.toHexString(), now),
  ]);
  return {
    available,
    total,
    latest: coupons.map((coupon) => ({
      id: coupon._id.toHexString(),
      title: coupon.title,
      valueText: couponValueText(coupon),
      status: coupon.status,
      statusLabel: couponStatusLabels[coupon.status],
      source: coupon.source,
      sourceLabel: couponSourceLabels[coupon.source],
      validUntil: toBusinessIso(coupon.validUntil),
      usedAt: coupon.usedAt ? toBusinessIso(coupon.usedAt) : null,
      usedStoreName: coupon.usedStoreName,
    })),
  };
}
