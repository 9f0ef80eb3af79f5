import type { AccessTokenProvider } from './accessToken';
import { tokenRequest } from './tokenCall';
import type { WechatCode } from './types';
import { wechatUnavailable } from './wechatError';
import { okBody, type WechatHttp } from './wechatHttp';

/** getwxacodeunlimit: image bytes on success, a JSON errcode otherwise (told apart by Content-Type). */
export function createWechatCode(http: WechatHttp, tokens: AccessTokenProvider): WechatCode {
  return {
    async getUnlimitedCode(request) {
      const reply = await tokenRequest(http, tokens, 'getwxacodeunlimit', '/wxa/getwxacodeunlimit', {
        scene: request.scene,
        page: request.page,
        check_path: request.checkPath ?? true,
        env_version: request.envVersion ?? 'release',
        width: request.width ?? 430,
      });
      if (reply.kind === 'json') {
        okBody('getwxacodeunlimit', reply);
        throw wechatUnavailable('getwxacodeunlimit', 'JSON without an image');
      }
      if (!reply.contentType.startsWith('image/')) throw wechatUnavailable('getwxacodeunlimit', `unexpected ${reply.contentType}`);
      return reply.bytes;
    },
  };
}
