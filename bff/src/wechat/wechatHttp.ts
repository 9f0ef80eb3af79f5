import { parseWechatJson } from '@cakeday/shared';
import { wechatError, wechatUnavailable } from './wechatError';

export type WechatBody = Record<string, unknown> & { errcode?: number; errmsg?: string };

export type WechatReply = { kind: 'json'; body: WechatBody } | { kind: 'bytes'; contentType: string; bytes: Buffer };

export interface WechatHttp {
  /** `endpoint` names the call in errors; the query may hold the secret or token, so the URL is never logged. */
  request(endpoint: string, method: 'GET' | 'POST', path: string, query: Record<string, string>, body?: unknown): Promise<WechatReply>;
}

const DEFAULT_TIMEOUT_MS = 5000;

/** api.weixin.qq.com over fetch: JSON in and out, raw bytes for image answers; failures become WECHAT_UNAVAILABLE. */
export function createWechatHttp(baseUrl: string, options: { timeoutMs?: number } = {}): WechatHttp {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async request(endpoint, method, path, query, body) {
      let response: Response;
      try {
        response = await fetch(`${base}${path}?${new URLSearchParams(query).toString()}`, {
          method,
          headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        });
      } catch (error) {
        // Only the error's name: fetch's messages and causes can carry the URL (secret, token).
        throw wechatUnavailable(endpoint, error instanceof Error ? error.name : 'fetch failed');
      }
      if (response.status !== 200) throw wechatUnavailable(endpoint, `HTTP ${response.status}`);
      const contentType = response.headers.get('content-type') ?? '';
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!contentType.includes('json') && !(contentType.startsWith('text/') && bytes[0] === 0x7b)) {
        return { kind: 'bytes', contentType, bytes };
      }
      try {
        // A msgid has 19 digits, more than a JSON number keeps: it is read as text.
        const parsed: unknown = parseWechatJson(bytes.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        return { kind: 'json', body: parsed as WechatBody };
      } catch {
        throw wechatUnavailable(endpoint, 'unreadable answer');
      }
    },
  };
}

/** The JSON body of a successful call; a non-zero errcode becomes the mapped AppError. */
export function okBody(endpoint: string, reply: WechatReply): WechatBody {
  if (reply.kind !== 'json') throw wechatUnavailable(endpoint, `unexpected ${reply.contentType}`);
  const { errcode } = reply.body;
  if (errcode !== undefined && errcode !== 0) throw wechatError(endpoint, errcode, reply.body.errmsg);
  return reply.body;
}

export const errcodeOf = (reply: WechatReply): number | undefined => (reply.kind === 'json' ? reply.body.errcode : undefined);
