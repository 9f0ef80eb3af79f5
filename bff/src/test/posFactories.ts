import type { RouteResponse } from '@cakeday/shared';
import type TestAgent from 'supertest/lib/agent';
import { issueCoupon } from '../coupons/issueCoupon';
import type { Coupon } from '../coupons/Coupon.model';
import type { Member } from '../members/Member.model';
import { sessionFor } from './factories';
import { buildCouponTemplate } from './mallFactories';

/** The member's 会员码 as the page gets it, with the given coupons attached. */
export async function memberCodeFor(http: TestAgent, member: Member, coupons: Coupon[] = [], now = new Date()): Promise<RouteResponse<'memberCode.issue'>> {
  const response = await http
    .post('/api/memberCode.issue')
    .set('Authorization', await sessionFor(member, { now }))
    .send({ couponIds: coupons.map((coupon) => coupon._id.toHexString()) });
  if (response.status !== 200) throw new Error(`memberCode.issue failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as RouteResponse<'memberCode.issue'>;
}

let couponSequence = 0;

/** An available coupon of the member (满50减10 unless the template says otherwise). */
export async function buildMemberCoupon(member: Member, now: Date, template: Parameters<typeof buildCouponTemplate>[0] = {}): Promise<Coupon> {
  const built = await buildCouponTemplate(template);
  couponSequence += 1;
  return issueCoupon({ memberId: member._id.toHexString(), templateCode: built.code, source: 'birthday', sourceKey: `pos-test-${couponSequence}` }, now);
}

/** A pos.purchase body: one line of the total, paid in full unless a discount is given. */
export function purchaseBody(memberCode: string, receiptNo: string, totalFen: number, options: { discountFen?: number; couponIds?: string[]; at?: Date } = {}) {
  const discountFen = options.discountFen ?? 0;
  return {
    receiptNo,
    purchasedAt: (options.at ?? new Date()).toISOString(),
    lines: [{ sku: 'CAKE-8', name: '8寸生日蛋糕', qty: 1, amountFen: totalFen }],
    totalFen,
    discountFen,
    pointsToRedeem: 0,
    paidFen: totalFen - discountFen,
    memberCode,
    couponIds: options.couponIds ?? [],
  };
}
