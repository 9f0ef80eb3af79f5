import type { MessagePushEvent, MessagePushEventType } from '@cakeday/shared';
import { MessagePushInboxModel, type InboxEntry } from '../wechat/messagePush/MessagePushInbox.model';
import { defaultPushHandlers } from '../wechat/messagePush/pushHandlerTable';
import type { PushHandlers } from '../wechat/messagePush/pushHandlers';

export interface RecordingPushHandlers {
  /** The default handlers plus one per event type that records what it was given. */
  handlers: PushHandlers;
  /** Every event the recording handlers were given, in order (one entry per run). */
  seen: MessagePushEvent[];
  of<T extends MessagePushEventType>(type: T): Extract<MessagePushEvent, { type: T }>[];
}

export function recordingPushHandlers(): RecordingPushHandlers {
  const seen: MessagePushEvent[] = [];
  const record = async (event: MessagePushEvent): Promise<void> => {
    seen.push(event);
  };
  const handlers = defaultPushHandlers()
    .register('subscribe_msg_popup_event', 'test.record', record)
    .register('subscribe_msg_change_event', 'test.record', record)
    .register('subscribe_msg_sent_event', 'test.record', record)
    .register('wxa_media_check', 'test.record', record);
  return { handlers, seen, of: (type) => seen.filter((event): event is Extract<MessagePushEvent, { type: typeof type }> => event.type === type) };
}

export const inboxEntries = (filter: Partial<Pick<InboxEntry, 'type' | 'openid' | '_id'>> = {}): Promise<InboxEntry[]> =>
  MessagePushInboxModel.find(filter).sort({ receivedAt: 1, _id: 1 }).lean();
