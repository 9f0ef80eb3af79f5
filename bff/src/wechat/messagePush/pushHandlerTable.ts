import type { MessagePushEvent } from '@cakeday/shared';
import { registerSubscriptionPushHandlers } from '../../subscriptions/quotaPushHandlers';
import { applyPushedMediaVerdict } from '../../community/mediaVerdictPush';
import { applyPushedAvatarVerdict } from '../../members/avatarCheck';
import { PushHandlers, type PushHandlerContext } from './pushHandlers';

/** What a log line may say about a pushed fact: never the openid. */
function describe(event: MessagePushEvent): Record<string, unknown> {
  switch (event.type) {
    case 'subscribe_msg_popup_event':
    case 'subscribe_msg_change_event':
      return { templateId: event.templateId, status: event.status };
    case 'subscribe_msg_sent_event':
      return { templateId: event.templateId, msgId: event.msgId, errorCode: event.errorCode };
    case 'wxa_media_check':
      return { traceId: event.traceId, errcode: event.errcode, suggest: event.result?.suggest ?? null, label: event.result?.label ?? null };
  }
}

const logPushEvent = async (event: MessagePushEvent, context: PushHandlerContext): Promise<void> => {
  context.log.info({ pushEvent: event.type, ...describe(event) }, 'wechat push received');
};

/**
 * Every feature's handlers of WeChat's pushes, one line each (like jobs.ts): the subscription quota ledger and the
 * send receipts (subscriptions), the media verdicts (community photos, members' avatars) register here; every type is logged first.
 */
export function defaultPushHandlers(): PushHandlers {
  const handlers = new PushHandlers()
    .register('subscribe_msg_popup_event', 'messagePush.log', logPushEvent)
    .register('subscribe_msg_change_event', 'messagePush.log', logPushEvent)
    .register('subscribe_msg_sent_event', 'messagePush.log', logPushEvent)
    .register('wxa_media_check', 'messagePush.log', logPushEvent)
    .register('wxa_media_check', 'community.mediaVerdict', applyPushedMediaVerdict)
    .register('wxa_media_check', 'members.avatarVerdict', applyPushedAvatarVerdict);
  return registerSubscriptionPushHandlers(handlers);
}
