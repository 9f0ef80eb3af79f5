import type { AccessTokenProvider } from './accessToken';
import { tokenJson } from './tokenCall';
import type { WechatRisk } from './types';
import { wechatUnavailable } from './wechatError';
import type { WechatHttp } from './wechatHttp';

/** getuserriskrank: 0 (safe) to 4 (riskiest), for the help/referral anti-fraud checks. */
export function createWechatRisk(http: WechatHttp, tokens: AccessTokenProvider, appid: string): WechatRisk {
  return {
    async getUserRiskRank(input) {
      const body = await tokenJson(http, tokens, 'getuserriskrank', '/wxa/getuserriskrank', {
        appid,
        openid: input.openid,
        scene: input.scene,
        client_ip: input.clientIp,
      });
      const rank = body.risk_rank;
      if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0 || rank > 4) throw wechatUnavailable('getuserriskrank', 'no risk_rank');
      return rank;
    },
  };
}
