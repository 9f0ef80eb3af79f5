import { beijingDay } from './beijingTime';
import type { IssuedToken, SandboxState } from './state';
import { opaque } from './state';

export const TOKEN_TTL_SECONDS = 7200;
/** WeChat rotates a stable token in its last 5 minutes; old and new overlap that long. */
export const ROTATION_WINDOW_SECONDS = 300;
export const FORCE_REFRESH_PER_DAY = 20;
export const FORCE_REFRESH_MIN_GAP_SECONDS = 30;

export type TokenResult = { ok: true; token: IssuedToken } | { ok: false; errcode: number; errmsg: string };


function issue(state: SandboxState, appid: string, kind: IssuedToken['kind']): IssuedToken {
  const token: IssuedToken = { token: opaque(`${kind === 'stable' ? 'ST' : 'AT'}_`, 96), appid, kind, expiresAt: state.now() + TOKEN_TTL_SECONDS * 1000 };
  state.data.tokens.push(token);
  // Forget tokens long dead so a long-running dev sandbox does not grow without bound.
  state.data.tokens = state.data.tokens.filter((candidate) => candidate.expiresAt > state.now() - 86_400_000);
  return token;
}

const isLive = (token: IssuedToken, now: number): boolean => token.expiresAt > now && (token.revokedAt === undefined || token.revokedAt > now);

/** /cgi-bin/stable_token: the same token within its window, a new one in the last 5 minutes; force_refresh limited. */
export function stableToken(state: SandboxState, appid: string, forceRefresh: boolean): TokenResult {
  const now = state.now();
  const live = state.data.tokens.filter((token) => token.appid === appid && token.kind === 'stable' && isLive(token, now));
  const newest = live.sort((a, b) => b.expiresAt - a.expiresAt)[0];
  if (forceRefresh) {
    const log = state.data.forceRefresh[appid];
    const today = beijingDay(now);
    const recent = log !== undefined && now - log.lastAt < FORCE_REFRESH_MIN_GAP_SECONDS * 1000;
    if (recent && newest) return { ok: true, token: newest };
    const count = log?.day === today ? log.count : 0;
    if (count >= FORCE_REFRESH_PER_DAY) return { ok: false, errcode: 45009, errmsg: 'reach max api daily quota limit' };
    state.data.forceRefresh[appid] = { day: today, count: count + 1, lastAt: now };
    for (const token of live) token.revokedAt = now;
    return { ok: true, token: issue(state, appid, 'stable') };
  }
  if (newest && newest.expiresAt - now > ROTATION_WINDOW_SECONDS * 1000) return { ok: true, token: newest };
  return { ok: true, token: issue(state, appid, 'stable') };
}

/** /cgi-bin/token: every call issues a new token; the previous ones stay valid for a 5-minute grace. */
export function legacyToken(state: SandboxState, appid: string): TokenResult {
  const now = state.now();
  for (const token of state.data.tokens) {
    if (token.appid !== appid || token.kind !== 'legacy' || !isLive(token, now)) continue;
    token.revokedAt = Math.min(token.expiresAt, now + ROTATION_WINDOW_SECONDS * 1000);
  }
  return { ok: true, token: issue(state, appid, 'legacy') };
}

/** What every business endpoint checks first: 41001 missing, 40014 unknown, 42001 expired, 40001 superseded. */
export function checkAccessToken(state: SandboxState, accessToken: string | null): { appid: string } | { errcode: number; errmsg: string } {
  if (!accessToken) return { errcode: 41001, errmsg: 'access_token missing' };
  const token = state.data.tokens.find((candidate) => candidate.token === accessToken);
  if (!token) return { errcode: 40014, errmsg: 'invalid access_token' };
  const now = state.now();
  if (token.revokedAt !== undefined && token.revokedAt <= now) {
    return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
  }
  if (token.expiresAt <= now) return { errcode: 42001, errmsg: 'access_token expired' };
  return { appid: token.appid };
}

/** Control API: every live token of the app expires now (the next business call gets 42001). */
export function expireTokens(state: SandboxState, appid?: string): number {
  const now = state.now();
  let expired = 0;
  for (const token of state.data.tokens) {
    if ((appid && token.appid !== appid) || !isLive(token, now)) continue;
    token.expiresAt = now;
    expired += 1;
  }
  return expired;
}

export const secondsLeft = (state: SandboxState, token: IssuedToken): number => Math.round((token.expiresAt - state.now()) / 1000);
