import { type Endpoint, fail } from './endpoint';
import { str } from './http';
import type { IssuedCode, SandboxState } from './state';

export const CODE_TTL_MS = 5 * 60_000;

/** Takes a single-use code: the code, or why it cannot be used (unknown, expired, used, other app). */
function takeCode(state: SandboxState, codes: IssuedCode[], code: string, appid: string): IssuedCode | 'used' | 'invalid' {
  const issued = codes.find((candidate) => candidate.code === code);
  if (!issued || issued.appid !== appid || issued.expiresAt <= state.now()) return 'invalid';
  if (issued.usedAt !== undefined) return 'used';
  issued.usedAt = state.now();
  return issued;
}

/** Drops codes that can no longer be used by anyone. */
export function pruneCodes(state: SandboxState): void {
  const cutoff = state.now() - CODE_TTL_MS;
  state.data.loginCodes = state.data.loginCodes.filter((code) => code.expiresAt > cutoff);
  state.data.phoneCodes = state.data.phoneCodes.filter((code) => code.expiresAt > cutoff);
}

export const code2Session: Endpoint = {
  name: 'jscode2session',
  method: 'GET',
  path: '/sns/jscode2session',
  needsToken: false,
  handle({ state, url }) {
    const appid = url.searchParams.get('appid') ?? '';
    const app = state.app(appid);
    if (!app) return fail(40013, 'invalid appid');
    if (url.searchParams.get('grant_type') !== 'authorization_code') return fail(40002, 'invalid grant_type');
    // WeChat reports a secret that does not belong to the appid as a bad code.
    if (url.searchParams.get('secret') !== app.secret) return fail(40029, 'invalid code');
    const taken = takeCode(state, state.data.loginCodes, url.searchParams.get('js_code') ?? '', appid);
    if (taken === 'invalid') return fail(40029, 'invalid code');
    if (taken === 'used') return state.data.reusedCodeErrcode === 40163 ? fail(40163, 'code been used') : fail(40029, 'invalid code');
    const user = state.user({ openid: taken.openid });
    user.lastVisitAt = state.now();
    const json: Record<string, string> = { openid: user.openid, session_key: Buffer.from(`${user.openid}:${taken.code}`).toString('base64').slice(0, 24) };
    if (user.unionid) json.unionid = user.unionid;
    return { json };
  },
};

export const getUserPhoneNumber: Endpoint = {
  name: 'getuserphonenumber',
  method: 'POST',
  path: '/wxa/business/getuserphonenumber',
  needsToken: true,
  handle({ state, body, appid }) {
    if (!body) return fail(47001, 'data format error');
    const taken = takeCode(state, state.data.phoneCodes, str(body.code) ?? '', appid);
    if (taken === 'invalid' || taken === 'used') return fail(40029, 'invalid code');
    const purePhoneNumber = taken.phone ?? state.user({ openid: taken.openid }).phone;
    return {
      json: {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: purePhoneNumber,
          purePhoneNumber,
          countryCode: '86',
          watermark: { timestamp: Math.floor(state.now() / 1000), appid },
        },
      },
    };
  },
};

