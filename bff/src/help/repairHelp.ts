import { releaseDailySlot } from '../db/dailyCounter';
import type { Logger } from '../logger';
import { countAssist, dailyCapOf } from './countAssist';
import { HelpAssistModel, type HelpAssist } from './HelpAssist.model';
import { HelpCampaignModel } from './HelpCampaign.model';
import { finishInterruptedUnlocks } from './unlockGift';

/** Requests in flight finish their own assists; the repair takes those older than this. */
const REPAIR_AFTER_MS = 60_000;
const BATCH = 200;

async function repairAssist(assist: HelpAssist, now: Date): Promise<'counted' | 'refused'> {
  const campaign = await HelpCampaignModel.findById(assist.campaignId).lean();
  if (!campaign) {
    await releaseDailySlot(dailyCapOf(assist), assist._id.toHexString());
    await HelpAssistModel.deleteOne({ _id: assist._id, state: 'recorded' });
    return 'refused';
  }
  return (await countAssist(assist, campaign, now)).kind === 'counted' ? 'counted' : 'refused';
}

/**
 * Scheduled (help.finishUnlocks): finishes assists a crash left `recorded` (each leaves the working set, counted or
 * refused), then unlocks campaigns whose unlock was interrupted.
 */
export async function repairHelp(context: { now: Date; logger?: Logger }): Promise<{ counted: number; refused: number; failed: number; unlocked: number }> {
  const stranded = await HelpAssistModel.find({ state: 'recorded', at: { $lte: new Date(context.now.getTime() - REPAIR_AFTER_MS) } })
    .sort({ at: 1, _id: 1 })
    .limit(BATCH)
    .lean();
  const totals = { counted: 0, refused: 0, failed: 0, unlocked: 0 };
  for (const assist of stranded) {
    try {
      totals[await repairAssist(assist, context.now)] += 1;
    } catch (error) {
      // One assist's failure must not hold up the others; it stays recorded for the next run.
      totals.failed += 1;
      context.logger?.error({ err: error, assistId: assist._id.toHexString() }, 'help assist repair failed');
    }
  }
  totals.unlocked = await finishInterruptedUnlocks(context.now);
  return totals;
}
