import type { Endpoint, EndpointResult } from './endpoint';
import type { SandboxHandler } from './handler';
import { parseJsonObject, sendJson, sendWechatError } from './http';
import { code2Session, getUserPhoneNumber, pruneCodes } from './loginApi';
import { subscribeSendEndpoint } from './messageApi';
import type { PushSandbox } from './push/pushSandbox';
import { getUserRiskRank, msgSecCheck } from './securityApi';
import type { SandboxState } from './state';
import { legacyTokenEndpoint, stableTokenEndpoint } from './tokenApi';
import { checkAccessToken } from './tokens';
import { wxacodeEndpoint } from './wxacodeApi';

export function miniProgramEndpoints(pages: readonly string[], push: PushSandbox): Endpoint[] {
  return [
    code2Session,
    stableTokenEndpoint,
    legacyTokenEndpoint,
    getUserPhoneNumber,
    subscribeSendEndpoint(pages, push.subscriptions),
    msgSecCheck,
    push.mediaChecks.endpoint,
    wxacodeEndpoint(pages),
    getUserRiskRank,
  ];
}

function reply(response: Parameters<SandboxHandler>[1], result: EndpointResult): void {
  if ('errcode' in result) return sendWechatError(response, result.errcode, result.errmsg);
  if ('json' in result) return sendJson(response, 200, result.json);
  response.writeHead(200, { 'Content-Type': result.contentType, 'Content-Length': result.bytes.length });
  response.end(result.bytes);
}

/**
 * The api.weixin.qq.com paths: counts the call, applies an injected fault, checks the access_token
 * (business endpoints), then lets the endpoint answer. State is saved after each call.
 */
export function createMiniProgramApi(state: SandboxState, pages: readonly string[], push: PushSandbox): SandboxHandler {
  const endpoints = miniProgramEndpoints(pages, push);
  return async (request, response, rawBody, url) => {
    const endpoint = endpoints.find((candidate) => candidate.path === url.pathname);
    if (!endpoint) return false;
    state.countCall(endpoint.name);
    pruneCodes(state);
    if (request.method !== endpoint.method) {
      reply(response, endpoint.method === 'POST' ? { errcode: 43002, errmsg: 'require POST method' } : { errcode: 43001, errmsg: 'require GET method' });
      return true;
    }
    const fault = state.takeFault(endpoint.name);
    if (fault !== undefined) {
      reply(response, { errcode: fault, errmsg: `injected by the sandbox` });
      state.save();
      return true;
    }
    let appid = '';
    if (endpoint.needsToken) {
      const checked = checkAccessToken(state, url.searchParams.get('access_token'));
      if ('errcode' in checked) {
        reply(response, checked);
        state.save();
        return true;
      }
      appid = checked.appid;
    }
    const body = endpoint.method === 'POST' ? parseJsonObject(rawBody) : null;
    const result = await endpoint.handle({ state, request, response, url, rawBody, body, appid });
    state.save();
    const lateMs = state.takeLateAnswer(endpoint.name);
    if (lateMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, lateMs));
      if (response.destroyed) return true; // the caller gave up (its timeout) and closed the connection
    }
    reply(response, result);
    return true;
  };
}
