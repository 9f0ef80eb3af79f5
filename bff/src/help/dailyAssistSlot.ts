import { HELP_DAILY_ASSIST_LIMIT, helpDayKey } from '@cakeday/shared';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { HelpDailyCountModel } from './HelpDailyCount.model';

const slotId = (helperId: string, now: Date): string => `${helperId}:${helpDayKey(now)}`;

/** Takes one of the friend's daily helps; false when today's are used up. */
export async function takeDailyAssistSlot(helperId: string, now: Date): Promise<boolean> {
  try {
    const slot = await HelpDailyCountModel.findOneAndUpdate(
      { _id: slotId(helperId, now), count: { $lt: HELP_DAILY_ASSIST_LIMIT } },
      { $inc: { count: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return slot !== null;
  } catch (error) {
    // The day's document exists and is at the limit: the conditional upsert collided with it.
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Gives the slot back when the help did not count after all. */
export async function releaseDailyAssistSlot(helperId: string, now: Date): Promise<void> {
  await HelpDailyCountModel.updateOne({ _id: slotId(helperId, now), count: { $gt: 0 } }, { $inc: { count: -1 } });
}
