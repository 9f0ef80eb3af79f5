import { HELP_DAILY_ASSIST_LIMIT, helpDayKey } from '@cakeday/shared';
import { releaseDailySlot, takeDailySlot } from '../db/dailyCounter';
import { HelpDailyCountModel } from './HelpDailyCount.model';

const slotId = (helperId: string, now: Date): string => `${helperId}:${helpDayKey(now)}`;

/** Takes one of the friend's daily helps; false when today's are used up. */
export function takeDailyAssistSlot(helperId: string, now: Date): Promise<boolean> {
  return takeDailySlot(HelpDailyCountModel, slotId(helperId, now), HELP_DAILY_ASSIST_LIMIT);
}

/** Gives the slot back when the help did not count after all. */
export function releaseDailyAssistSlot(helperId: string, now: Date): Promise<void> {
  return releaseDailySlot(HelpDailyCountModel, slotId(helperId, now));
}
