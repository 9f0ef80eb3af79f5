import type { AccessTokenProvider } from './accessToken';
import { tokenJson } from './tokenCall';
import type { WechatMessages } from './types';
import type { WechatHttp } from './wechatHttp';

/** subscribe/send: one-time subscription messages; 43101 (no quota left) becomes SUBSCRIPTION_QUOTA_EXHAUSTED. */
export function createWechatMessages(http: WechatHttp, tokens: AccessTokenProvider): WechatMessages {
  return {
    async sendSubscribeMessage(message) {
      const body = await tokenJson(http, tokens, 'subscribe.send', '/cgi-bin/message/subscribe/send', {
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
        miniprogram_state: message.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      });
      return { msgId: typeof body.msgid === 'string' ? body.msgid : null };
    },
  };
}
