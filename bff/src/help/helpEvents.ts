import { eventKey, recordEvent } from '../events/recordEvent';
import type { HelpCampaign } from './HelpCampaign.model';

const subjectOf = (campaign: Pick<HelpCampaign, '_id'>) => ({ type: 'help_campaign', id: campaign._id.toHexString() });

/**
 * The birthday help campaign's start, once (`help.started:<campaignId>`): after the campaign is stored, and again by
 * a retried start that finds it stored (HELP_ALREADY_STARTED), which records what a crash in between left out.
 */
export async function recordHelpStarted(campaign: Pick<HelpCampaign, '_id' | 'memberId' | 'startedAt' | 'celebrationYear' | 'goal'>, now: Date): Promise<void> {
  await recordEvent(
    {
      type: 'help.started',
      key: eventKey('help.started', campaign._id.toHexString()),
      at: campaign.startedAt,
      memberId: campaign.memberId,
      subject: subjectOf(campaign),
      props: { celebrationYear: campaign.celebrationYear, goal: campaign.goal },
    },
    now,
  );
}

/**
 * The gift's unlock, once (`help.unlocked:<campaignId>`): recorded while the campaign is still `unlocking`, so the
 * sweeper that finishes an interrupted unlock records it if a crash came first.
 */
export async function recordHelpUnlocked(campaign: Pick<HelpCampaign, '_id' | 'memberId' | 'celebrationYear' | 'helpersCount'>, now: Date): Promise<void> {
  await recordEvent(
    {
      type: 'help.unlocked',
      key: eventKey('help.unlocked', campaign._id.toHexString()),
      at: now,
      memberId: campaign.memberId,
      subject: subjectOf(campaign),
      props: { celebrationYear: campaign.celebrationYear, helpers: campaign.helpersCount },
    },
    now,
  );
}
