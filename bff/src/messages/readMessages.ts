import { Types } from 'mongoose';
import { InboxMessageModel } from './InboxMessage.model';
import { unreadCount } from './listMessages';

/** Marks the member's own messages read (others' ids change nothing); answers the unread count left. */
export async function readMessages(memberId: string, input: { ids?: string[]; all?: true }, now: Date): Promise<{ unreadCount: number }> {
  const owner = new Types.ObjectId(memberId);
  const which = input.ids ? { _id: { $in: input.ids.map((id) => new Types.ObjectId(id)) } } : {};
  await InboxMessageModel.updateMany({ memberId: owner, readAt: null, ...which }, { $set: { readAt: now } });
  return { unreadCount: await unreadCount(owner) };
}
