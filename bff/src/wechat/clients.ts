import type { Config } from '../config/config';
import type { Logger } from '../logger';
import { createAccessTokenProvider } from './accessToken';
import { createWechatLogin } from './login';
import { createWechatMessages } from './messages';
import { createWechatPhone } from './phone';
import { createWechatPay } from './pay/wechatPay';
import { createWechatRisk } from './risk';
import { createWechatSecurity } from './security';
import { createWechatHttp } from './wechatHttp';
import { createWechatCode } from './wxacode';
import type { WechatCode, WechatLogin, WechatMessages, WechatPay, WechatPhone, WechatRisk, WechatSecurity } from './types';

export interface WechatClients {
  login: WechatLogin;
  phone: WechatPhone;
  messages: WechatMessages;
  security: WechatSecurity;
  wxacode: WechatCode;
  risk: WechatRisk;
  pay: WechatPay;
}

/** The adapters, talking to config.WECHAT_API_BASE (WeChat in production, the sandbox otherwise). */
export function createWechatClients(config: Config, logger?: Logger): WechatClients {
  const http = createWechatHttp(config.WECHAT_API_BASE, { timeoutMs: config.WECHAT_TIMEOUT_MS });
  // One token cache for all instances (MongoDB); app credentials stay inside the adapters.
  const tokens = createAccessTokenProvider({ http, appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET, logger });
  return {
    login: createWechatLogin(http, { appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET }),
    phone: createWechatPhone(http, tokens),
    messages: createWechatMessages(http, tokens),
    security: createWechatSecurity(http, tokens),
    wxacode: createWechatCode(http, tokens),
    risk: createWechatRisk(http, tokens, config.WECHAT_APPID),
    pay: createWechatPay(config),
  };
}
