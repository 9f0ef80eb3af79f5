import { MemberModel } from '../members/Member.model';
import type { PushEventOf, PushHandlerContext, PushHandlers } from '../wechat/messagePush/pushHandlers';
import { pushInboxKey } from '../wechat/messagePush/pushInboxKey';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { creditAccept, rejectTemplate } from './quotaLedger';
import { SendReceiptModel } from './SendReceipt.model';

async function memberIdOf(openid: string) {
  return (await MemberModel.findOne({ openid, status: 'active' }, { _id: 1 }).lean())?._id ?? null;
}

/** An accept adds one send; a reject in a popup leaves what earlier accepts allowed (WeChat keeps those too). */
async function onPopup(event: PushEventOf<'subscribe_msg_popup_event'>, context: PushHandlerContext): Promise<void> {
  if (event.status !== 'accept') return;
  const memberId = await memberIdOf(event.openid);
  if (!memberId) return void context.log.warn({ templateId: event.templateId }, 'subscription accept from an openid that is no member');
  await creditAccept(memberId, event.templateId, pushInboxKey(event), context.now);
}

/** Turned off in 服务通知 or the settings: WeChat will refuse every send until the member accepts again. */
async function onChange(event: PushEventOf<'subscribe_msg_change_event'>, context: PushHandlerContext): Promise<void> {
  if (event.status !== 'reject') return;
  const memberId = await memberIdOf(event.openid);
  if (!memberId) return;
  await rejectTemplate(memberId, event.templateId, pushInboxKey(event), context.now);
}

async function onSent(event: PushEventOf<'subscribe_msg_sent_event'>, context: PushHandlerContext): Promise<void> {
  try {
    await SendReceiptModel.create({
      _id: event.msgId,
      openid: event.openid,
      templateId: event.templateId,
      errorCode: event.errorCode,
      at: new Date(event.createTime * 1000),
      claimedBy: null,
      receivedAt: context.now,
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** The quota ledger and the send receipts are fed by WeChat's pushes (pushHandlerTable.ts). */
export function registerSubscriptionPushHandlers(handlers: PushHandlers): PushHandlers {
  return handlers
    .register('subscribe_msg_popup_event', 'subscriptions.quota', onPopup)
    .register('subscribe_msg_change_event', 'subscriptions.quota', onChange)
    .register('subscribe_msg_sent_event', 'subscriptions.receipts', onSent);
}
