import { toBusinessIso, type PosMemberRef, type RouteResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CouponModel, type Coupon } from '../coupons/Coupon.model';
import type { Member } from '../members/Member.model';
import { findMemberByRef } from './findMemberByRef';
import type { IntegrationPrincipal } from '../http/context';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import { presentCodeCoupon } from '../memberCode/presentCodeCoupon';
import { assertIdentifies, checkoutUntil, findMemberCode } from '../memberCode/resolveMemberCode';
import { blockerOf, couponUseContext } from './couponUseContext';
import { loadPosMember } from './loadPosMember';
import type { PosContext } from './posContext';
import { presentPosMember } from './presentPosMember';

/**
 * pos.identify: the member behind a live code (or, for the online shop, named by openid, unionid or phone), their tier and points, and the coupons they attached with whether
 * each can be used here now (the till is told why not). Remembers that this integration identified them, so its
 * purchase may follow after the code's minute.
 */
export async function identifyMember(
  input: { memberCode?: string; member?: PosMemberRef },
  integration: IntegrationPrincipal,
  context: PosContext,
): Promise<RouteResponse<'pos.identify'>> {
  const { now } = context;
  if (input.member) {
    // The online shop: the member's usable coupons (no code carries a choice).
    const member = await findMemberByRef(input.member, integration, context.hashKey);
    const coupons = await CouponModel.find({ memberId: member._id, status: 'available', validUntil: { $gt: now } }).sort({ validUntil: 1 }).limit(50).lean();
    return present(member, coupons, null, integration, context);
  }
  const code = await findMemberCode(input.memberCode ?? '', context.secret);
  assertIdentifies(code, now);
  const member = await loadPosMember(code.memberId);
  await MemberCodeModel.updateOne(
    { _id: code._id, usedByPurchaseKey: null },
    { $set: { identifiedByIntegrationId: new Types.ObjectId(integration.integrationId), identifiedAt: now } },
  );
  const coupons = await CouponModel.find({ _id: { $in: code.couponIds }, memberId: member._id }).lean();
  return present(member, coupons, checkoutUntil(now), integration, context);
}

async function present(member: Member, coupons: Coupon[], until: Date | null, integration: IntegrationPrincipal, context: PosContext): Promise<RouteResponse<'pos.identify'>> {
  const { now } = context;
  const { settings } = await context.settingsSource.at(now);
  const useContext = await couponUseContext(member, integration, { now, spendFen: null, settings });
  const payment = settings.points.payment;
  return {
    member: await presentPosMember(member, now),
    coupons: coupons.map((coupon) => ({ ...presentCodeCoupon(coupon), blocker: blockerOf(coupon, useContext) })),
    checkoutUntil: until ? toBusinessIso(until) : null,
    pointsPayment: payment.maxSharePercent > 0 ? { pointsPerYuan: payment.pointsPerYuan, maxSharePercent: payment.maxSharePercent } : null,
  };
}
