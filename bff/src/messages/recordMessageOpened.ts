import { Types } from 'mongoose';
import { CampaignModel } from '../campaigns/Campaign.model';
import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { eventKey, recordEvent } from '../events/recordEvent';
import { InboxMessageModel } from './InboxMessage.model';

/**
 * The landing page reported the delivery in its query: the member's own delivery is marked opened once (a
 * conditional update from null, so a reload or a second tap counts nothing), its 消息中心 copy is read, and the
 * outbox gets one `message.opened` (keyed by the delivery: a repeated report writes none, and repairs one a crash
 * left out). `scene` is the mini-program's launch scene (1014: opened from the subscription message itself).
 * Someone else's or an unknown delivery changes nothing and is answered the same, revealing nothing.
 */
export async function recordMessageOpened(memberId: string, deliveryId: string, scene: number | undefined, now: Date): Promise<{ ok: true }> {
  const owner = new Types.ObjectId(memberId);
  const delivery = await CampaignDeliveryModel.findOne({ _id: new Types.ObjectId(deliveryId), memberId: owner }, { key: 1, campaignId: 1 }).lean();
  if (!delivery) return { ok: true };
  await CampaignDeliveryModel.updateOne({ _id: delivery._id, openedAt: null }, { $set: { openedAt: now } });
  await InboxMessageModel.updateOne({ memberId: owner, key: delivery.key, readAt: null }, { $set: { readAt: now } });
  const [opened, campaign] = await Promise.all([
    CampaignDeliveryModel.findById(delivery._id, { openedAt: 1 }).lean(),
    CampaignModel.findById(delivery.campaignId, { trigger: 1 }).lean(),
  ]);
  await recordEvent(
    {
      type: 'message.opened',
      key: eventKey('message.opened', delivery._id.toHexString()),
      at: opened?.openedAt ?? now,
      memberId: owner,
      subject: { type: 'campaign', id: delivery.campaignId.toHexString() },
      props: { delivery: delivery._id.toHexString(), purpose: campaign?.trigger.kind ?? null, scene: scene ?? null },
    },
    now,
  );
  return { ok: true };
}
