import type { MessagePushEvent, MessagePushEventType } from '@cakeday/shared';
import { model, Schema } from 'mongoose';

/**
 * One fact WeChat pushed (a popup answer for one template, a send receipt, a media verdict), recorded before it is
 * handled. `_id` is the fact's own key (pushInboxKey), so WeChat's retries and duplicates find the entry already
 * there. received → handled | failed: an entry is claimed by moving `nextAttemptAt` forward (a lease), each
 * handler that succeeded is noted in `handledBy` (a retry runs only the others), and the
 * wechat.messagePush.retry job takes entries whose `nextAttemptAt` has come: failed ones, and those a crash or a
 * slow handler left behind. `nextAttemptAt` is null once handled or given up.
 */
export interface InboxEntry {
  _id: string;
  type: MessagePushEventType;
  /** FromUserName: whose event it is (erasure deletes the member's entries). */
  openid: string;
  event: MessagePushEvent;
  state: 'received' | 'handled' | 'failed';
  attempts: number;
  handledBy: string[];
  nextAttemptAt: Date | null;
  lastError: string | null;
  /** How many times WeChat delivered it (its retries and duplicates included). */
  deliveries: number;
  receivedAt: Date;
  handledAt: Date | null;
}

const inboxSchema = new Schema<InboxEntry>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    openid: { type: String, required: true },
    event: { type: Schema.Types.Mixed, required: true },
    state: { type: String, enum: ['received', 'handled', 'failed'], required: true },
    attempts: { type: Number, required: true, default: 0 },
    handledBy: { type: [String], default: [] },
    nextAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    deliveries: { type: Number, required: true, default: 0 },
    receivedAt: { type: Date, required: true },
    handledAt: { type: Date, default: null },
  },
  { collection: 'message_push_inbox', versionKey: false, minimize: false },
);
inboxSchema.index({ nextAttemptAt: 1 });
inboxSchema.index({ openid: 1 });
inboxSchema.index({ receivedAt: 1 });

export const MessagePushInboxModel = model<InboxEntry>('MessagePushInbox', inboxSchema);
