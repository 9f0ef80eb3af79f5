import type { WechatLogin } from './types';
import { wechatUnavailable } from './wechatError';
import { okBody, type WechatHttp } from './wechatHttp';

/** jscode2session. The session_key is read past and dropped here: it never leaves this function. */
export function createWechatLogin(http: WechatHttp, app: { appid: string; secret: string }): WechatLogin {
  return {
    async code2Session(code) {
      const body = okBody(
        'jscode2session',
        await http.request('jscode2session', 'GET', '/sns/jscode2session', { appid: app.appid, secret: app.secret, js_code: code, grant_type: 'authorization_code' }),
      );
      if (typeof body.openid !== 'string' || body.openid.length === 0) throw wechatUnavailable('jscode2session', 'no openid');
      return typeof body.unionid === 'string' && body.unionid.length > 0 ? { openid: body.openid, unionid: body.unionid } : { openid: body.openid };
    },
  };
}
