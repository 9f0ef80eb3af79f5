import type { Types } from 'mongoose';
import { MemberModel } from '../members/Member.model';
import { PaidSpendModel } from '../tiers/PaidSpend.model';

const BATCH = 500;

/**
 * The members' first and last paid purchase from the payments recorded before the event outbox fed them (PaidSpend
 * holds every order and till payment): without them an old customer's next purchase would count as the first (a
 * 新人 welcome) and the 90-day care would never see their silence. $min / $max as the lifecycle consumer writes
 * them, so it is idempotent and never moves a date the consumer already wrote. Purchases are not replayed into the
 * event-triggered programmes: a spend reward or a milestone for a purchase of long ago would surprise the member.
 */
export async function backfillLifecycleDates(): Promise<number> {
  let afterId: Types.ObjectId | null = null;
  let read = 0;
  for (;;) {
    const page: { _id: Types.ObjectId; memberId: Types.ObjectId; paidAt: Date }[] = await PaidSpendModel.find(afterId ? { amountFen: { $gt: 0 }, _id: { $gt: afterId } } : { amountFen: { $gt: 0 } }, { memberId: 1, paidAt: 1 })
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean();
    const last = page.at(-1);
    if (!last) return read;
    await MemberModel.bulkWrite(
      page.map((spend) => ({ updateOne: { filter: { _id: spend.memberId }, update: { $min: { 'lifecycle.firstPaidAt': spend.paidAt }, $max: { 'lifecycle.lastPaidAt': spend.paidAt } } } })),
      { ordered: false },
    );
    read += page.length;
    afterId = last._id;
  }
}
