import { checkCredentials } from './appAuth';
import { type Endpoint, type EndpointResult, fail } from './endpoint';
import { legacyToken, secondsLeft, stableToken, type TokenResult } from './tokens';
import type { SandboxState } from './state';

const answer = (state: SandboxState, result: TokenResult): EndpointResult =>
  result.ok ? { json: { access_token: result.token.token, expires_in: secondsLeft(state, result.token) } } : fail(result.errcode, result.errmsg);

export const stableTokenEndpoint: Endpoint = {
  name: 'stable_token',
  method: 'POST',
  path: '/cgi-bin/stable_token',
  needsToken: false,
  handle({ state, body }) {
    if (!body) return fail(47001, 'data format error');
    if (body.grant_type !== 'client_credential') return fail(40002, 'invalid grant_type');
    const refused = checkCredentials(state, body.appid, body.secret);
    if (refused) return refused;
    if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') return fail(47001, 'data format error');
    return answer(state, stableToken(state, String(body.appid), body.force_refresh === true));
  },
};

export const legacyTokenEndpoint: Endpoint = {
  name: 'token',
  method: 'GET',
  path: '/cgi-bin/token',
  needsToken: false,
  handle({ state, url }) {
    if (url.searchParams.get('grant_type') !== 'client_credential') return fail(40002, 'invalid grant_type');
    const refused = checkCredentials(state, url.searchParams.get('appid'), url.searchParams.get('secret'));
    if (refused) return refused;
    return answer(state, legacyToken(state, url.searchParams.get('appid') ?? ''));
  },
};
