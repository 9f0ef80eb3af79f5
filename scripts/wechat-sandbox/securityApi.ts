import { randomBytes } from 'node:crypto';
import { type Endpoint, type EndpointResult, fail } from './endpoint';
import { int, str, type JsonObject } from './http';
import type { SandboxState, SandboxUser } from './state';

export const VISIT_WINDOW_MS = 2 * 3600_000;

/** The user behind an openid who visited (code2session) within the last 2 hours, or the WeChat error. */
export function recentVisitor(state: SandboxState, openid: string): SandboxUser | EndpointResult {
  const user = openid ? state.userByOpenid(openid) : undefined;
  if (!user) return fail(40003, 'invalid openid');
  if (user.lastVisitAt === undefined || state.now() - user.lastVisitAt > VISIT_WINDOW_MS) return fail(61010, 'user access record expired');
  return user;
}

export const isUser = (value: SandboxUser | EndpointResult): value is SandboxUser => 'openid' in value;

export const msgSecCheck: Endpoint = {
  name: 'msg_sec_check',
  method: 'POST',
  path: '/wxa/msg_sec_check',
  needsToken: true,
  handle({ state, body }) {
    if (!body) return fail(44002, 'empty post data');
    const scene = int(body.scene);
    if (int(body.version) !== 2 || scene === undefined || scene < 1 || scene > 4) return fail(40129, 'invalid scene');
    const content = str(body.content);
    if (content === undefined || [...content].length > 2500) return fail(47001, 'data format error');
    const visitor = recentVisitor(state, str(body.openid) ?? '');
    if (!isUser(visitor)) return visitor;
    const text = [content, str(body.title) ?? '', str(body.nickname) ?? '', str(body.signature) ?? ''].join('\n');
    const hits = state.data.msgSecRules.filter((rule) => (rule.scene === undefined || rule.scene === scene) && text.includes(rule.keyword));
    const worst = hits.find((rule) => rule.suggest === 'risky') ?? hits[0];
    const detail: JsonObject[] = hits.map((rule) => ({ strategy: 'keyword', errcode: 0, suggest: rule.suggest, label: rule.label, level: 90, keyword: rule.keyword }));
    detail.push({ strategy: 'content_model', errcode: 0, suggest: worst?.suggest ?? 'pass', label: worst?.label ?? 100, prob: 90 });
    return {
      json: {
        errcode: 0,
        errmsg: 'ok',
        trace_id: randomBytes(12).toString('hex'),
        result: { suggest: worst?.suggest ?? 'pass', label: worst?.label ?? 100 },
        detail,
      },
    };
  },
};

export const getUserRiskRank: Endpoint = {
  name: 'getuserriskrank',
  method: 'POST',
  path: '/wxa/getuserriskrank',
  needsToken: true,
  handle({ state, body, appid }) {
    if (!body) return fail(44002, 'empty post data');
    if (body.appid !== appid) return fail(43104, 'appid does not match access_token');
    const scene = int(body.scene);
    if (scene !== 0 && scene !== 1) return fail(40129, 'invalid scene');
    if (!str(body.client_ip)) return fail(47001, 'data format error');
    const visitor = recentVisitor(state, str(body.openid) ?? '');
    if (!isUser(visitor)) return visitor;
    return { json: { errcode: 0, errmsg: 'getuserriskrank succ', risk_rank: visitor.riskRank, unoin_id: Math.floor(state.now() / 1000) } };
  },
};
