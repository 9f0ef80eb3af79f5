import { toBusinessIso, type RouteResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CouponModel } from '../coupons/Coupon.model';
import type { IntegrationPrincipal } from '../http/context';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import { presentCodeCoupon } from '../memberCode/presentCodeCoupon';
import { assertIdentifies, checkoutUntil, findMemberCode } from '../memberCode/resolveMemberCode';
import { blockerOf, couponUseContext } from './couponUseContext';
import { loadPosMember } from './loadPosMember';
import type { PosContext } from './posContext';
import { presentPosMember } from './presentPosMember';

/**
 * pos.identify: the member behind a live code, their tier and points, and the coupons they attached with whether
 * each can be used here now (the till is told why not). Remembers that this integration identified them, so its
 * purchase may follow after the code's minute.
 */
export async function identifyMember(scanned: string, integration: IntegrationPrincipal, context: PosContext): Promise<RouteResponse<'pos.identify'>> {
  const { now } = context;
  const code = await findMemberCode(scanned, context.secret);
  assertIdentifies(code, now);
  const member = await loadPosMember(code.memberId);
  await MemberCodeModel.updateOne(
    { _id: code._id, usedByPurchaseKey: null },
    { $set: { identifiedByIntegrationId: new Types.ObjectId(integration.integrationId), identifiedAt: now } },
  );
  const coupons = await CouponModel.find({ _id: { $in: code.couponIds }, memberId: member._id }).lean();
  const useContext = await couponUseContext(member, integration, { now, spendFen: null, settings: (await context.settingsSource.at(now)).settings });
  return {
    member: await presentPosMember(member, now),
    coupons: coupons.map((coupon) => ({ ...presentCodeCoupon(coupon), blocker: blockerOf(coupon, useContext) })),
    checkoutUntil: toBusinessIso(checkoutUntil(now)),
  };
}
