import { randomUUID } from 'node:crypto';
import { businessDate, formatCalendarDate } from '@cakeday/shared';
import { isDuplicateKeyError } from '../db/duplicateKey';
import type { Logger } from '../logger';
import { WechatAccessTokenModel, type WechatAccessToken } from './WechatAccessToken.model';
import { TOKEN_ERRCODES, wechatUnavailable } from './wechatError';
import { okBody, type WechatHttp } from './wechatHttp';

export interface AccessTokenProvider {
  /** A token believed valid, from the shared cache or fetched under the lease. */
  get(): Promise<string>;
  /** Drops `token` from the cache (only if it is still the cached one). */
  invalidate(token: string): Promise<void>;
  /** Last resort (force_refresh=true), within WeChat's 20-a-day / 30-s limits; false when not allowed. */
  forceRefresh(staleToken: string): Promise<boolean>;
}

export interface AccessTokenOptions {
  http: WechatHttp;
  appid: string;
  secret: string;
  logger?: Logger;
  /** How long a refresher may hold the lease before another instance takes over. */
  leaseMs?: number;
  pollMs?: number;
}

// WeChat rotates a stable token in its last 5 minutes; asking then gets the new one.
const ROTATION_WINDOW_MS = 300_000;
const FORCE_PER_DAY = 20;
const FORCE_GAP_MS = 30_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
// WeChat's daily quotas reset at midnight Beijing time, which is our business time.
const quotaDay = (at: Date): string => formatCalendarDate(businessDate(at));

const isFresh = (doc: WechatAccessToken | null, now: Date): doc is WechatAccessToken & { token: string } =>
  Boolean(doc?.token && doc.refreshAfter && doc.refreshAfter > now);

/** stable_token in MongoDB: one instance refreshes under a lease, early, and the others reuse its token. */
export function createAccessTokenProvider(options: AccessTokenOptions): AccessTokenProvider {
  const { http, appid, secret } = options;
  const leaseMs = options.leaseMs ?? 10_000;
  const pollMs = options.pollMs ?? 50;
  const instance = randomUUID();

  async function fetchStableToken(forceRefresh: boolean): Promise<Pick<WechatAccessToken, 'token' | 'expiresAt' | 'refreshAfter'>> {
    const requestedAt = Date.now();
    const body = okBody('stable_token', await http.request('stable_token', 'POST', '/cgi-bin/stable_token', {}, { grant_type: 'client_credential', appid, secret, force_refresh: forceRefresh }));
    const { access_token: token, expires_in: expiresIn } = body;
    if (typeof token !== 'string' || typeof expiresIn !== 'number') throw wechatUnavailable('stable_token', 'malformed answer');
    const lifetimeMs = expiresIn * 1000;
    return {
      token,
      expiresAt: new Date(requestedAt + lifetimeMs),
      // Half the lifetime at least, so a token handed out late in its window is not refetched on every call.
      refreshAfter: new Date(requestedAt + Math.max(lifetimeMs - ROTATION_WINDOW_MS, lifetimeMs / 2)),
    };
  }

  async function ensureDocument(): Promise<void> {
    try {
      await WechatAccessTokenModel.updateOne({ _id: appid }, { $setOnInsert: { updatedAt: new Date() } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async function takeLease(): Promise<WechatAccessToken | null> {
    const now = new Date();
    return WechatAccessTokenModel.findOneAndUpdate(
      { _id: appid, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
      { $set: { leaseOwner: instance, leaseUntil: new Date(now.getTime() + leaseMs) } },
      { returnDocument: 'after' },
    ).lean();
  }

  async function releaseLease(fields: Partial<WechatAccessToken> = {}): Promise<void> {
    await WechatAccessTokenModel.updateOne({ _id: appid, leaseOwner: instance }, { $set: { ...fields, leaseUntil: null, leaseOwner: null, updatedAt: new Date() } });
  }

  async function get(): Promise<string> {
    const deadline = Date.now() + leaseMs * 3;
    await ensureDocument();
    while (Date.now() < deadline) {
      const cached = await WechatAccessTokenModel.findById(appid).lean();
      if (isFresh(cached, new Date())) return cached.token;
      const leased = await takeLease();
      if (!leased) {
        await sleep(pollMs);
        continue;
      }
      // Someone may have refreshed between our read and our lease.
      if (isFresh(leased, new Date())) {
        await releaseLease();
        return leased.token;
      }
      try {
        const fetched = await fetchStableToken(false);
        await releaseLease(fetched);
        return fetched.token as string;
      } catch (error) {
        await releaseLease();
        throw error;
      }
    }
    throw wechatUnavailable('stable_token', 'timed out waiting for the token lease');
  }

  async function invalidate(token: string): Promise<void> {
    await WechatAccessTokenModel.updateOne({ _id: appid, token }, { $set: { refreshAfter: new Date(0), updatedAt: new Date() } });
  }

  async function forceRefresh(staleToken: string): Promise<boolean> {
    const now = new Date();
    const doc = await WechatAccessTokenModel.findById(appid).lean();
    // Someone already replaced the stale token: nothing to force.
    if (doc?.token && doc.token !== staleToken && isFresh(doc, now)) return true;
    const today = quotaDay(now);
    const usedToday = doc?.forceDay === today ? (doc.forceCount ?? 0) : 0;
    const tooSoon = doc?.lastForcedAt !== undefined && doc.lastForcedAt !== null && now.getTime() - doc.lastForcedAt.getTime() < FORCE_GAP_MS;
    if (usedToday >= FORCE_PER_DAY || tooSoon) {
      options.logger?.error({ appid, usedToday }, 'ALERT: WeChat keeps rejecting fresh access tokens and a force refresh is not allowed now');
      return false;
    }
    // Claims this force refresh against racing instances: the counters must be as we read them.
    const claimed = await WechatAccessTokenModel.updateOne(
      { _id: appid, lastForcedAt: doc?.lastForcedAt ?? null, forceCount: doc?.forceCount ?? null },
      { $set: { lastForcedAt: now, forceDay: today, forceCount: usedToday + 1 } },
    );
    if (claimed.modifiedCount !== 1) return false;
    options.logger?.error({ appid, forceCount: usedToday + 1 }, 'ALERT: forcing a WeChat access token refresh after a fresh token was rejected');
    const fetched = await fetchStableToken(true);
    await WechatAccessTokenModel.updateOne({ _id: appid }, { $set: { ...fetched, updatedAt: new Date() } });
    return true;
  }

  return { get, invalidate, forceRefresh };
}

/**
 * Runs a call that needs an access token: on 40001 / 42001 / 40014 the token is dropped and the call retried
 * once with a fresh one; if that fails too, a force refresh is attempted (for later calls) and the failure returned.
 */
export async function withAccessToken<T>(provider: AccessTokenProvider, call: (token: string) => Promise<T>, errcodeOf: (result: T) => number | undefined): Promise<T> {
  const isTokenError = (result: T): boolean => TOKEN_ERRCODES.has(errcodeOf(result) ?? 0);
  const first = await provider.get();
  const firstResult = await call(first);
  if (!isTokenError(firstResult)) return firstResult;
  await provider.invalidate(first);
  const second = await provider.get();
  const secondResult = await call(second);
  if (isTokenError(secondResult)) await provider.forceRefresh(second);
  return secondResult;
}
