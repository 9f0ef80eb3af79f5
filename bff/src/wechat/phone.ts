import type { AccessTokenProvider } from './accessToken';
import { tokenJson } from './tokenCall';
import type { WechatPhone } from './types';
import { wechatUnavailable } from './wechatError';
import type { WechatHttp } from './wechatHttp';

/** getuserphonenumber: the single-use code from <button open-type="getPhoneNumber"> for the number. */
export function createWechatPhone(http: WechatHttp, tokens: AccessTokenProvider): WechatPhone {
  return {
    async getPhoneNumber(code, openid) {
      const body = await tokenJson(http, tokens, 'getuserphonenumber', '/wxa/business/getuserphonenumber', openid ? { code, openid } : { code });
      const info = body.phone_info as { phoneNumber?: unknown; purePhoneNumber?: unknown; countryCode?: unknown } | undefined;
      if (typeof info?.phoneNumber !== 'string' || typeof info.purePhoneNumber !== 'string') throw wechatUnavailable('getuserphonenumber', 'no phone_info');
      // Documented as a string, shown as a number in WeChat's own example.
      return { phoneNumber: info.phoneNumber, purePhoneNumber: info.purePhoneNumber, countryCode: String(info.countryCode ?? '86') };
    },
  };
}
