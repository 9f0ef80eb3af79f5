import type { EventConsumer } from '../../events/consumeEvents';
import type { AppDeps } from '../../http/deps';
import { createCampaignResultsConsumer } from './campaignResultsConsumer';

/** The consumer as the job runs it: the attribution window from the settings in force when each event happened. */
export function campaignResultsConsumerFor(deps: Pick<AppDeps, 'settings'>): EventConsumer {
  return createCampaignResultsConsumer(async (at) => (await deps.settings.at(at)).settings.attribution.windowDays);
}
