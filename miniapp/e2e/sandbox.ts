import { startWechatSandbox } from '../../scripts/wechat-sandbox';
import { bffPayEnv, generatePayKeys } from '../../scripts/wechat-sandbox/pay';
import { bffPushEnv } from '../../scripts/wechat-sandbox/push/pushSettings';

const SMS_CALLBACK_TOKEN = 'cakedayE2eSmsCallbackToken';

export interface RunningSandbox {
  /** Base URL of both WeChat's imitated API and the control API under /__sandbox. */
  url: string;
  /** The BFF's WECHAT_API_BASE, WECOM_WEBHOOK_BASE, WECHATPAY_* and WECHAT_PUSH_* settings that match this sandbox. */
  bffEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The WeChat sandbox from scripts/wechat-sandbox with a fresh WeChat Pay key set (the BFF logs in and pays against
 * it), pushing events to the BFF's message push URL in safe mode; media verdicts wait for the journeys to ask
 * (POST /__sandbox/media-checks/deliver).
 */
export async function startSandbox(pushUrl: string): Promise<RunningSandbox> {
  const keys = generatePayKeys();
  // Tencent's SMS receipts and members' replies (POST /__sandbox/sms/replies) go to the same BFF, with its callback token.
  const smsCallback = (kind: 'status' | 'reply'): string => `${new URL(pushUrl).origin}/sms/callbacks/${kind}?token=${SMS_CALLBACK_TOKEN}`;
  const sms = { statusCallbackUrl: smsCallback('status'), replyCallbackUrl: smsCallback('reply') };
  const sandbox = await startWechatSandbox({ pay: { keys }, push: { url: pushUrl, mode: 'safe', mediaVerdictDelayMs: 'manual' }, sms });
  return {
    url: sandbox.url,
    // The ops group's 企业微信 robot too: alert notices from the e2e stack's jobs stay in the sandbox.
    bffEnv: { WECHAT_API_BASE: sandbox.url, WECOM_WEBHOOK_BASE: sandbox.url, ...bffPayEnv(keys, sandbox.url), ...bffPushEnv(sandbox.push.settings()), SMS_CALLBACK_TOKEN },
    stop: () => sandbox.stop(),
  };
}
