import { withAccessToken, type AccessTokenProvider } from './accessToken';
import { errcodeOf, okBody, type WechatBody, type WechatHttp, type WechatReply } from './wechatHttp';

/** A business endpoint call with `access_token` in the query, the token retry applied. */
export function tokenRequest(http: WechatHttp, tokens: AccessTokenProvider, endpoint: string, path: string, body: unknown): Promise<WechatReply> {
  return withAccessToken(tokens, (token) => http.request(endpoint, 'POST', path, { access_token: token }, body), errcodeOf);
}

/** The same, for endpoints that answer JSON: the successful body, or the mapped AppError. */
export async function tokenJson(http: WechatHttp, tokens: AccessTokenProvider, endpoint: string, path: string, body: unknown): Promise<WechatBody> {
  return okBody(endpoint, await tokenRequest(http, tokens, endpoint, path, body));
}
