import type { AccessTokenProvider } from './accessToken';
import { tokenJson } from './tokenCall';
import type { ContentVerdict, WechatSecurity } from './types';
import { wechatUnavailable } from './wechatError';
import type { WechatHttp } from './wechatHttp';

const SUGGESTIONS: ReadonlySet<string> = new Set(['pass', 'review', 'risky']);

/** msg_sec_check v2: the verdict comes in `result` (v1's errcode 87014 is gone); media_check_async answers a trace_id. */
export function createWechatSecurity(http: WechatHttp, tokens: AccessTokenProvider): WechatSecurity {
  return {
    async checkText(input) {
      const body = await tokenJson(http, tokens, 'msg_sec_check', '/wxa/msg_sec_check', {
        content: input.content,
        version: 2,
        scene: input.scene,
        openid: input.openid,
        title: input.title,
        nickname: input.nickname,
      });
      const result = body.result as { suggest?: unknown; label?: unknown } | undefined;
      if (typeof result?.suggest !== 'string' || !SUGGESTIONS.has(result.suggest) || typeof result.label !== 'number') {
        throw wechatUnavailable('msg_sec_check', 'no result');
      }
      const verdict: ContentVerdict = { suggest: result.suggest as ContentVerdict['suggest'], label: result.label };
      if (typeof body.trace_id === 'string') verdict.traceId = body.trace_id;
      return verdict;
    },
    async mediaCheckAsync(input) {
      // 61010 (no visit in 2 hours) is 403 WECHAT_VISIT_EXPIRED, 45009/44991 the rate limits, like every call.
      const body = await tokenJson(http, tokens, 'media_check_async', '/wxa/media_check_async', {
        media_url: input.mediaUrl,
        media_type: input.mediaType === 'image' ? 2 : 1,
        version: 2,
        scene: input.scene,
        openid: input.openid,
      });
      // Cloud-call answers name it traceId.
      const traceId = body.trace_id ?? body.traceId;
      if (typeof traceId !== 'string' || traceId.length === 0) throw wechatUnavailable('media_check_async', 'no trace_id');
      return { traceId };
    },
  };
}
