import type { AppDeps } from '../http/deps';
import { CampaignModel } from './Campaign.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { materialiseCampaign } from './materialiseCampaign';
import { skipQueuedDeliveries } from './transitionCampaign';

/**
 * The engine's sweep: materialise every running campaign's due audience, finish stopping stopped ones, and complete
 * a push whose deliveries are all settled (or any campaign past its end).
 */
export async function runCampaigns(deps: Pick<AppDeps, 'now'>, batchSize = 500): Promise<{ materialised: number; completed: number }> {
  const now = deps.now();
  let completed = 0;
  const running = await CampaignModel.find({ state: 'running' }).lean();
  for (const campaign of running) await materialiseCampaign(campaign._id, now, batchSize);
  for (const campaign of await CampaignModel.find({ state: 'running' }).lean()) {
    const ended = now.getTime() > campaign.endsAt.getTime();
    const pushDone = campaign.trigger.kind === 'push' && campaign.materialisation.done && !(await CampaignDeliveryModel.exists({ campaignId: campaign._id, state: { $in: ['queued', 'sending'] } }));
    if (!ended && !pushDone) continue;
    const moved = await CampaignModel.updateOne({ _id: campaign._id, state: 'running' }, { $set: { state: 'completed', updatedAt: now }, $inc: { version: 1 } });
    completed += moved.modifiedCount;
  }
  for (const stopped of await CampaignModel.find({ state: { $in: ['stopped', 'completed'] } }, { _id: 1 }).lean()) {
    if (await CampaignDeliveryModel.exists({ campaignId: stopped._id, state: 'queued' })) await skipQueuedDeliveries(stopped._id, now);
  }
  return { materialised: running.length, completed };
}
