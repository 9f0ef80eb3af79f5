import type { Config } from '../config/config';
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
export function createWechatClients(_config: Config): WechatClients {
  const notYet = (): never => {
    throw new Error('WeChat adapters are not wired yet');
  };
  return {
    login: { code2Session: notYet },
    phone: { getPhoneNumber: notYet },
    messages: { sendSubscribeMessage: notYet },
    security: { checkText: notYet },
    wxacode: { getUnlimitedCode: notYet },
    risk: { getUserRiskRank: notYet },
    pay: {
      prepayJsapi: notYet,
      queryByOutTradeNo: notYet,
      closeOrder: notYet,
      refund: notYet,
      queryRefund: notYet,
      parseNotification: notYet,
    },
  };
}
