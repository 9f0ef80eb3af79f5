import { Types } from 'mongoose';
import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { InboxMessageModel } from './InboxMessage.model';

/**
 * The landing page reported the delivery in its query: the member's own delivery is marked opened once (a
 * conditional update from null, so a reload or a second tap counts nothing), and its 消息中心 copy is read.
 * Someone else's or an unknown delivery changes nothing and is answered the same, revealing nothing.
 */
export async function recordMessageOpened(memberId: string, deliveryId: string, now: Date): Promise<{ ok: true }> {
  const owner = new Types.ObjectId(memberId);
  const delivery = await CampaignDeliveryModel.findOne({ _id: new Types.ObjectId(deliveryId), memberId: owner }, { key: 1 }).lean();
  if (!delivery) return { ok: true };
  await CampaignDeliveryModel.updateOne({ _id: delivery._id, openedAt: null }, { $set: { openedAt: now } });
  await InboxMessageModel.updateOne({ memberId: owner, key: delivery.key, readAt: null }, { $set: { readAt: now } });
  return { ok: true };
}
