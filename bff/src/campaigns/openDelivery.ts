import { CampaignModel } from './Campaign.model';
import { CampaignDeliveryModel, type CampaignDelivery } from './CampaignDelivery.model';
import { recordDeliveryOpened } from './results/recordCampaignEvents';

/**
 * The member opened a campaign's message, by its landing page (messages.opened) or by reading it in 消息中心
 * (messages.read): the delivery is marked opened once (a conditional update from null, so a reload counts nothing)
 * and the outbox gets one `message.opened` at the first open. The event is written on every call (its key names the
 * delivery, so a repeat writes none), which repairs one a crash left out after the mark.
 */
export async function openDelivery(
  delivery: Pick<CampaignDelivery, '_id' | 'key' | 'memberId' | 'campaignId' | 'variant' | 'channel'>,
  scene: number | undefined,
  now: Date,
): Promise<void> {
  await CampaignDeliveryModel.updateOne({ _id: delivery._id, openedAt: null }, { $set: { openedAt: now } });
  const [opened, campaign] = await Promise.all([
    CampaignDeliveryModel.findById(delivery._id, { openedAt: 1 }).lean(),
    CampaignModel.findById(delivery.campaignId, { trigger: 1 }).lean(),
  ]);
  await recordDeliveryOpened(delivery, campaign, now, { at: opened?.openedAt ?? now, ...(scene === undefined ? {} : { scene }) });
}
