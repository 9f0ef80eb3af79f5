import { couponBlocker, earnsBirthdayMonthRate, type CouponBlock, type CouponUseContext, type ProgramSettings } from '@cakeday/shared';
import type { Coupon } from '../coupons/Coupon.model';
import { birthdayUnlockOf } from '../members/birthdayHistory';
import type { Member } from '../members/Member.model';
import { celebratedBirthday } from '../members/storedBirthday';
import type { IntegrationPrincipal } from '../http/context';
import { PosPurchaseModel } from './PosPurchase.model';

/** Where and for whom a coupon would be used at this integration now (the one rule is couponBlocker, in shared/). */
export async function couponUseContext(
  member: Pick<Member, '_id' | 'tier' | 'birthday' | 'birthdayHistory'>,
  integration: IntegrationPrincipal,
  context: { now: Date; spendFen: number | null; settings: ProgramSettings },
): Promise<CouponUseContext> {
  const birthday = celebratedBirthday(member.birthday);
  // A first order: no earlier purchase kept (not refunded in full). Mall orders do not count yet (see the report).
  const earlier = await PosPurchaseModel.find({ memberId: member._id, state: 'settled' }, { paidFen: 1, refundedFen: 1 }).lean();
  const kept = earlier.some((purchase) => purchase.refundedFen < purchase.paidFen);
  return {
    now: context.now,
    channel: integration.kind === 'store' ? 'store' : 'online',
    storeId: integration.storeId,
    spendFen: context.spendFen,
    tier: member.tier.level,
    inBirthdayMonth: birthday ? earnsBirthdayMonthRate(birthday, context.now, birthdayUnlockOf(member, context.settings)) : false,
    firstOrder: !kept,
  };
}

export function blockerOf(coupon: Coupon, useContext: CouponUseContext): CouponBlock | null {
  return couponBlocker(coupon, useContext);
}
