import { toBusinessIso, type MessagesListResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { InboxMessageModel } from './InboxMessage.model';

export const unreadCount = (memberId: Types.ObjectId): Promise<number> => InboxMessageModel.countDocuments({ memberId, readAt: null });

/** The member's 消息中心, newest first. */
export async function listMessages(memberId: string, page: number, pageSize: number): Promise<MessagesListResponse> {
  const owner = new Types.ObjectId(memberId);
  const [items, total, unread] = await Promise.all([
    InboxMessageModel.find({ memberId: owner }).sort({ createdAt: -1, _id: -1 }).skip((page - 1) * pageSize).limit(pageSize).lean(),
    InboxMessageModel.countDocuments({ memberId: owner }),
    unreadCount(owner),
  ]);
  return {
    items: items.map((item) => ({ id: item._id.toHexString(), title: item.title, lines: item.lines, page: item.page, createdAt: toBusinessIso(item.createdAt), read: item.readAt !== null })),
    total,
    unreadCount: unread,
  };
}
