import { couponBlocker, type CouponBlock, type CouponUseContext, type ProgramSettings } from '@cakeday/shared';
import type { Coupon } from '../coupons/Coupon.model';
import { couponUseContextFor } from '../coupons/couponUseContextFor';
import type { Member } from '../members/Member.model';
import type { IntegrationPrincipal } from '../http/context';

/** Where and for whom a coupon would be used at this integration now (the one rule is couponBlocker, in shared/). */
export function couponUseContext(
  member: Pick<Member, '_id' | 'tier' | 'birthday' | 'birthdayHistory'>,
  integration: IntegrationPrincipal,
  context: { now: Date; spendFen: number | null; settings: ProgramSettings },
): Promise<CouponUseContext> {
  return couponUseContextFor(member, { ...context, channel: integration.kind === 'store' ? 'store' : 'online', storeId: integration.storeId });
}

export function blockerOf(coupon: Coupon, useContext: CouponUseContext): CouponBlock | null {
  return couponBlocker(coupon, useContext);
}
