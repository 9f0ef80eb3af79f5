import { HELP_DAILY_ASSIST_LIMIT } from '@cakeday/shared';
import { releaseDailySlot, takeDailySlot, type DailyCap } from '../db/dailyCounter';
import { HelpAssistModel, type HelpAssist } from './HelpAssist.model';
import { HelpCampaignModel, type HelpCampaign } from './HelpCampaign.model';
import { unlockGift } from './unlockGift';

/** The points where a crash can leave an assist half way; tests throw there and let a retry or the repair finish. */
export type AssistFaultPoint = 'recorded' | 'slot_taken' | 'counted' | 'unlocking' | 'marked_counted';

export interface AssistFaults {
  after?: (point: AssistFaultPoint) => void;
}

export type AssistOutcome =
  /** `countedNow`: this call moved the count (a retry or the repair finds it counted already). */
  | { kind: 'counted'; countedNow: boolean; unlockedNow: boolean; campaign: HelpCampaign }
  /** The friend's three helps today are used up; the assist is gone. */
  | { kind: 'daily_limit' }
  /** The campaign can no longer take it (goal reached, ended); the assist is gone and its slot given back. */
  | { kind: 'closed'; campaign: HelpCampaign | null };

export const dailyCapOf = (assist: HelpAssist): DailyCap => ({ purpose: 'help-assist', subject: assist.helperId.toHexString(), day: assist.at });

async function countOnCampaign(assist: HelpAssist, campaign: HelpCampaign): Promise<{ campaign: HelpCampaign; countedNow: boolean } | null> {
  const counted = await HelpCampaignModel.findOneAndUpdate(
    { _id: campaign._id, state: 'active', helpersCount: { $lt: campaign.goal }, expiresAt: { $gt: assist.at }, countedAssists: { $ne: assist._id } },
    {
      $inc: { helpersCount: 1 },
      $push: {
        // Names and faces are read from the live member when shown: no copy here for deletion to chase.
        helpers: { memberId: assist.helperId, at: assist.at },
        countedAssists: assist._id,
      },
    },
    { returnDocument: 'after' },
  ).lean();
  if (counted) return { campaign: counted, countedNow: true };
  const already = await HelpCampaignModel.findOne({ _id: campaign._id, countedAssists: assist._id }).lean();
  return already ? { campaign: already, countedNow: false } : null;
}

/** active → unlocking, by the conditional update only the goal-th count can win. */
async function startUnlock(campaign: HelpCampaign): Promise<HelpCampaign | null> {
  if (campaign.state !== 'active' || campaign.helpersCount < campaign.goal) return null;
  return HelpCampaignModel.findOneAndUpdate(
    { _id: campaign._id, state: 'active', helpersCount: { $gte: campaign.goal } },
    { $set: { state: 'unlocking' } },
    { returnDocument: 'after' },
  ).lean();
}

/**
 * Takes a recorded assist the rest of the way: the friend's daily slot (keyed by the assist), the campaign's count
 * (guarded by the assist's id), the unlock when it reached the goal, then `counted`. Every step is conditional, so
 * the friend's retry and the repair job can run it again from wherever a crash stopped it. The assist becomes
 * `counted` only once the unlock has begun, so a crash before that leaves it in the repair's working set.
 */
export async function countAssist(assist: HelpAssist, campaign: HelpCampaign, now: Date, faults: AssistFaults = {}): Promise<AssistOutcome> {
  const cap = dailyCapOf(assist);
  const slotKey = assist._id.toHexString();
  if (!(await takeDailySlot(cap, slotKey, HELP_DAILY_ASSIST_LIMIT))) {
    await HelpAssistModel.deleteOne({ _id: assist._id, state: 'recorded' });
    return { kind: 'daily_limit' };
  }
  faults.after?.('slot_taken');
  const counted = await countOnCampaign(assist, campaign);
  if (!counted) {
    // Slot first: a crash between the two leaves a recorded assist, which the repair refuses the same way.
    await releaseDailySlot(cap, slotKey);
    await HelpAssistModel.deleteOne({ _id: assist._id, state: 'recorded' });
    return { kind: 'closed', campaign: await HelpCampaignModel.findById(campaign._id).lean() };
  }
  faults.after?.('counted');
  let current = counted.campaign;
  const unlocking = await startUnlock(current);
  if (unlocking) {
    current = unlocking;
    faults.after?.('unlocking');
  }
  await HelpAssistModel.updateOne({ _id: assist._id, state: 'recorded' }, { $set: { state: 'counted' } });
  faults.after?.('marked_counted');
  if (current.state === 'unlocking') current = await unlockGift(current, now);
  return { kind: 'counted', countedNow: counted.countedNow, unlockedNow: unlocking !== null, campaign: current };
}
