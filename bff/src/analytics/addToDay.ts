import { emptyDailyCounters, FUNNELS } from '@cakeday/shared';
import { DailyRollupModel } from './DailyRollup.model';

const APPLIED_KEYS_KEPT = 64;

/**
 * Adds an event's contributions to its day, once: the day document is created first (an upsert that changes nothing
 * when it exists), then added to on the condition that it has not applied this event's id yet.
 */
export async function addToDay(day: string, eventId: string, increments: Record<string, number>): Promise<void> {
  const inc = Object.fromEntries(Object.entries(increments).filter(([, value]) => value !== 0));
  if (Object.keys(inc).length === 0) return;
  await DailyRollupModel.updateOne(
    { _id: day },
    { $setOnInsert: { ...emptyDailyCounters(), funnels: { birthday: Object.fromEntries(FUNNELS.birthday.map((step) => [step, 0])) }, applied: [] } },
    { upsert: true },
  );
  await DailyRollupModel.updateOne({ _id: day, applied: { $ne: eventId } }, { $inc: inc, $push: { applied: { $each: [eventId], $slice: -APPLIED_KEYS_KEPT } } });
}
