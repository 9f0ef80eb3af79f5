import { Types } from 'mongoose';
import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { openDelivery } from '../campaigns/openDelivery';
import { InboxMessageModel } from './InboxMessage.model';
import { unreadCount } from './listMessages';

/**
 * Marks the member's own messages read (others' ids change nothing); answers the unread count left. A campaign's
 * message read for the first time is its open (openDelivery.ts, the landing page's path too), recorded before the
 * mark so that a read retried after a crash still records it, and once.
 */
export async function readMessages(memberId: string, input: { ids?: string[]; all?: true }, now: Date): Promise<{ unreadCount: number }> {
  const owner = new Types.ObjectId(memberId);
  const which = input.ids ? { _id: { $in: input.ids.map((id) => new Types.ObjectId(id)) } } : {};
  const unread = await InboxMessageModel.find({ memberId: owner, readAt: null, ...which }, { key: 1 }).lean();
  if (unread.length > 0) {
    const deliveries = await CampaignDeliveryModel.find({ key: { $in: unread.map((message) => message.key) }, memberId: owner }, { key: 1, memberId: 1, campaignId: 1, variant: 1, channel: 1 }).lean();
    for (const delivery of deliveries) await openDelivery(delivery, undefined, now);
  }
  await InboxMessageModel.updateMany({ memberId: owner, readAt: null, ...which }, { $set: { readAt: now } });
  return { unreadCount: await unreadCount(owner) };
}
