import type { MessagePushEvent } from '@cakeday/shared';

/**
 * The key that makes a fact count once, built only from what WeChat sends identically each time it re-sends the
 * event (never the timestamp, nonce, signature or ciphertext of a delivery, which change). Receipts carry MsgID,
 * verdicts trace_id. Popup and change events carry no id: WeChat's advice is FromUserName + CreateTime, with the
 * template and answer (and the popup's scene) telling the items of one event apart. Two answers by the same member
 * for the same template within one second would be taken as one: the quota then counts one accept too few, never
 * one too many.
 */
export function pushInboxKey(event: MessagePushEvent): string {
  switch (event.type) {
    case 'subscribe_msg_sent_event':
      return `sent:${event.msgId}`;
    case 'wxa_media_check':
      return `media:${event.traceId}`;
    case 'subscribe_msg_popup_event':
      return `popup:${event.openid}:${event.createTime}:${event.templateId}:${event.status}:${event.popupScene ?? ''}`;
    case 'subscribe_msg_change_event':
      return `change:${event.openid}:${event.createTime}:${event.templateId}:${event.status}`;
  }
}
