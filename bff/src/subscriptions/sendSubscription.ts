import type { SubscriptionTemplateKey } from '@cakeday/shared';
import type { Types } from 'mongoose';
import type { AppDeps } from '../http/deps';
import { WechatApiError } from '../wechat/wechatError';
import { exhaustQuota, releaseQuota, settleSent, takeQuota } from './quotaLedger';
import { templateIdOf } from './subscriptionTemplates';

export interface SubscriptionSend {
  memberId: Types.ObjectId;
  openid: string;
  template: SubscriptionTemplateKey;
  data: Record<string, string>;
  page: string;
  /** Idempotency key of this send (a delivery's key): the quota hold is keyed by it. */
  sendKey: string;
  /** Sends to leave for later steps (quota reservation). */
  keepAtLeast?: number;
}

/**
 * - sent: WeChat took it (msgId from its answer);
 * - no_quota: the ledger had none left, so WeChat was not called (`errcode` null), or WeChat answered 43101;
 * - refused: WeChat refused this message for good (47003, 40003…): nothing sent, the hold given back;
 * - retry: WeChat was busy or limited us; nothing sent, the hold given back, worth trying later;
 * - ambiguous: no answer (timeout, broken connection): WeChat may have sent it. Never re-send blindly: the hold
 *   stays until the receipt (subscribe_msg_sent_event) or the settle window decides.
 */
export type SendOutcome =
  | { kind: 'sent'; msgId: string | null }
  | { kind: 'no_quota'; errcode: number | null }
  | { kind: 'refused'; errcode: number }
  | { kind: 'retry'; errcode: number }
  | { kind: 'ambiguous' };

export interface SendFaults {
  /** Runs after WeChat answered and before the outcome is written: a throw here is a crash mid-send. */
  afterWechatCall?: () => void;
}

/** One subscription message, only if the quota ledger holds one for it. */
export async function sendWithQuota(deps: Pick<AppDeps, 'config' | 'wechat'>, send: SubscriptionSend, now: Date, faults: SendFaults = {}): Promise<SendOutcome> {
  const templateId = templateIdOf(deps.config, send.template);
  if (!(await takeQuota(send.memberId, templateId, send.sendKey, now, send.keepAtLeast ?? 0))) return { kind: 'no_quota', errcode: null };
  let msgId: string | null;
  try {
    ({ msgId } = await deps.wechat.messages.sendSubscribeMessage({ touser: send.openid, templateId, page: send.page, data: send.data }));
  } catch (error) {
    if (!(error instanceof WechatApiError)) throw error;
    faults.afterWechatCall?.();
    if (!error.answered) return { kind: 'ambiguous' };
    if (error.errcode === 43101) {
      await exhaustQuota(send.memberId, templateId, send.sendKey, now);
      return { kind: 'no_quota', errcode: 43101 };
    }
    await releaseQuota(send.memberId, templateId, send.sendKey, now);
    return error.retryable ? { kind: 'retry', errcode: error.errcode } : { kind: 'refused', errcode: error.errcode };
  }
  faults.afterWechatCall?.();
  await settleSent(send.memberId, templateId, send.sendKey, now);
  return { kind: 'sent', msgId };
}
