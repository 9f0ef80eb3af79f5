import { Types } from 'mongoose';
import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { openDelivery } from '../campaigns/openDelivery';
import { InboxMessageModel } from './InboxMessage.model';

/**
 * The landing page reported the delivery in its query: the member's own delivery is opened once (openDelivery.ts:
 * one `message.opened`, with the launch scene) and its 消息中心 copy is read. `scene` is the mini-program's launch
 * scene (1014: opened from the subscription message itself). Someone else's or an unknown delivery changes nothing
 * and is answered the same, revealing nothing.
 */
export async function recordMessageOpened(memberId: string, deliveryId: string, scene: number | undefined, now: Date): Promise<{ ok: true }> {
  const owner = new Types.ObjectId(memberId);
  const delivery = await CampaignDeliveryModel.findOne(
    { _id: new Types.ObjectId(deliveryId), memberId: owner },
    { key: 1, memberId: 1, campaignId: 1, variant: 1, channel: 1 },
  ).lean();
  if (!delivery) return { ok: true };
  await openDelivery(delivery, scene, now);
  await InboxMessageModel.updateOne({ memberId: owner, key: delivery.key, readAt: null }, { $set: { readAt: now } });
  return { ok: true };
}
