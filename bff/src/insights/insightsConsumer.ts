import { analyticsDay, buyerContributions, emptyBuyerState, INSIGHTS_EVENT_TYPES, insightsContributions, isBirthdayMonth, purchaseOf, type InsightsCounts } from '@cakeday/shared';
import type { EventConsumer } from '../events/consumeEvents';
import type { StoredEvent } from '../events/Event.model';
import type { AppDeps } from '../http/deps';
import { MemberModel } from '../members/Member.model';
import { InsightsBuyerModel } from './InsightsBuyer.model';
import { InsightsDayModel } from './InsightsDay.model';

const APPLIED_KEYS_KEPT = 64;
const BUYER_APPLIED_KEPT = 32;
export const INSIGHTS_CONSUMER = 'insights';

/** The retention window (settings insights.retention.windowDays) in force when an order was paid. */
export type RetentionWindow = (at: Date) => Promise<number>;

/** Where tests place a crash: after the days were added to, before the buyer's state was written. */
export interface InsightsFaults {
  afterDays?: (event: StoredEvent) => void;
}

const addCounts = (days: Record<string, InsightsCounts>, day: string, counts: InsightsCounts): void => {
  const into = (days[day] ??= {});
  for (const [key, value] of Object.entries(counts)) into[key] = (into[key] ?? 0) + value;
};

/** Adds to one day once per event: the day is created by an upsert that changes nothing when it exists, then added to unless it applied the event. */
async function addToDay(day: string, eventId: string, counts: InsightsCounts): Promise<void> {
  const inc = Object.fromEntries(Object.entries(counts).map(([key, value]) => [`counts.${key}`, value]));
  await InsightsDayModel.updateOne({ _id: day }, { $setOnInsert: { counts: {}, applied: [] } }, { upsert: true });
  await InsightsDayModel.updateOne({ _id: day, applied: { $ne: eventId } }, { $inc: inc, $push: { applied: { $each: [eventId], $slice: -APPLIED_KEYS_KEPT } } });
}

/** Whether the order was paid in the member's birthday month (Shanghai); null for a member without a birthday (or gone). */
async function birthdayMonthAt(memberId: string, at: Date): Promise<boolean | null> {
  const member = await MemberModel.findById(memberId, { birthday: 1 }).lean();
  return member?.birthday ? isBirthdayMonth(member.birthday, at) : null;
}

/**
 * Adds each event's contributions to the insights days (insights_daily), once. A member's paid order also adds what
 * depends on the member's earlier orders (buyers.rules: birthday-month GMV, repurchase, retention), decided from the
 * buyer's state BEFORE the days are added to and written on the buyer after, both guarded by the event's id: a
 * re-delivery after a crash between them finds the same decision, the days refuse the second addition and the buyer
 * gets the write it missed. Its own checkpoint: it never holds up the analytics consumer.
 */
export function createInsightsConsumer(retentionWindow: RetentionWindow, faults: InsightsFaults = {}): EventConsumer {
  return {
    name: INSIGHTS_CONSUMER,
    types: INSIGHTS_EVENT_TYPES,
    async handle(event) {
      const memberId = event.memberId?.toHexString() ?? null;
      if (event.type === 'member.deleted') {
        if (event.memberId) await InsightsBuyerModel.deleteOne({ _id: event.memberId });
        return;
      }
      const analyticsEvent = { ...event, memberId };
      const eventId = event._id.toHexString();
      const day = analyticsDay(event.at);
      const days: Record<string, InsightsCounts> = {};
      addCounts(days, day, insightsContributions(analyticsEvent));

      const order = memberId ? purchaseOf(analyticsEvent) : null;
      const buyer = order && event.memberId ? await InsightsBuyerModel.findById(event.memberId).lean() : null;
      if (buyer?.applied.includes(eventId)) return;
      const bought = order && memberId ? buyerContributions(buyer ?? emptyBuyerState(), { day, at: event.at, fen: order.fen }, await birthdayMonthAt(memberId, event.at), await retentionWindow(event.at)) : null;
      for (const [countsDay, counts] of Object.entries(bought?.counts ?? {})) addCounts(days, countsDay, counts);

      for (const [countsDay, counts] of Object.entries(days)) if (Object.keys(counts).length > 0) await addToDay(countsDay, eventId, counts);
      faults.afterDays?.(event);
      if (!bought || !event.memberId) return;
      if (!buyer) await InsightsBuyerModel.updateOne({ _id: event.memberId }, { $setOnInsert: { lastDays: [], months: [], applied: [] } }, { upsert: true });
      await InsightsBuyerModel.updateOne(
        { _id: event.memberId, applied: { $ne: eventId } },
        { $set: { lastDays: bought.next.lastDays, months: bought.next.months }, $push: { applied: { $each: [eventId], $slice: -BUYER_APPLIED_KEPT } } },
      );
    },
  };
}

/** The consumer as the job runs it: the retention window from the settings in force when each order was paid. */
export function insightsConsumerFor(deps: Pick<AppDeps, 'settings'>): EventConsumer {
  return createInsightsConsumer(async (at) => (await deps.settings.at(at)).settings.insights.retention.windowDays);
}
