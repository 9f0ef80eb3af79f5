import { earnsBirthdayMonthRate, type CouponChannel, type CouponUseContext, type ProgramSettings } from '@cakeday/shared';
import { birthdayUnlockOf } from '../members/birthdayHistory';
import type { Member } from '../members/Member.model';
import { celebratedBirthday } from '../members/storedBirthday';
import { MallOrderModel } from '../orders/MallOrder.model';
import { PosPurchaseModel } from '../pos/PosPurchase.model';

/**
 * Whether the member has an order kept: a till or online purchase not refunded in full, or a paid points-mall order
 * that was not refunded. The first order is the one made without such an order.
 */
async function hasKeptOrder(memberId: Member['_id']): Promise<boolean> {
  const purchases = await PosPurchaseModel.find({ memberId, state: 'settled' }, { paidFen: 1, refundedFen: 1 }).lean();
  if (purchases.some((purchase) => purchase.refundedFen < purchase.paidFen)) return true;
  return (await MallOrderModel.exists({ buyerMemberId: memberId, status: { $in: ['paid', 'fulfilled'] } })) !== null;
}

/**
 * Where and for whom a coupon would be used now, for the one rule (couponBlocker in shared/): the till, the online
 * shop and the staff's scan build it here, so "first order" and "birthday month" mean the same everywhere.
 */
export async function couponUseContextFor(
  member: Pick<Member, '_id' | 'tier' | 'birthday' | 'birthdayHistory'>,
  where: { channel: CouponChannel; storeId: string | null; spendFen: number | null; now: Date; settings: ProgramSettings },
): Promise<CouponUseContext> {
  const birthday = celebratedBirthday(member.birthday);
  return {
    now: where.now,
    channel: where.channel,
    storeId: where.storeId,
    spendFen: where.spendFen,
    tier: member.tier.level,
    inBirthdayMonth: birthday ? earnsBirthdayMonthRate(birthday, where.now, birthdayUnlockOf(member, where.settings)) : false,
    firstOrder: !(await hasKeptOrder(member._id)),
  };
}
