import { analyticsDay, INSIGHTS_EVENT_TYPES, insightsContributions } from '@cakeday/shared';
import type { EventConsumer } from '../events/consumeEvents';
import { InsightsDayModel } from './InsightsDay.model';

const APPLIED_KEYS_KEPT = 64;

/**
 * Adds each event's contributions to its day (insights_daily), once: the day is created by an upsert that changes
 * nothing when it exists, then added to on condition it has not applied this event's id (a re-delivery after a
 * crash adds nothing twice). Its own checkpoint: it never holds up the analytics consumer.
 */
export const insightsConsumer: EventConsumer = {
  name: 'insights',
  types: INSIGHTS_EVENT_TYPES,
  async handle(event) {
    const increments = insightsContributions({ ...event, memberId: event.memberId?.toHexString() ?? null });
    if (Object.keys(increments).length === 0) return;
    const day = analyticsDay(event.at);
    const eventId = event._id.toHexString();
    await InsightsDayModel.updateOne({ _id: day }, { $setOnInsert: { counts: {}, applied: [] } }, { upsert: true });
    const inc = Object.fromEntries(Object.entries(increments).map(([key, value]) => [`counts.${key}`, value]));
    await InsightsDayModel.updateOne({ _id: day, applied: { $ne: eventId } }, { $inc: inc, $push: { applied: { $each: [eventId], $slice: -APPLIED_KEYS_KEPT } } });
  },
};
