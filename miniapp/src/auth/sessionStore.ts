import Taro from '@tarojs/taro';

const SESSION_KEY = 'cakeday.session';
const SIGNED_OUT_KEY = 'cakeday.signedOut';

export interface StoredSession {
  token: string;
  expiresAt: string;
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredSession>;
  return typeof candidate.token === 'string' && typeof candidate.expiresAt === 'string';
}

/** The stored bearer token while it is still valid; an expired one is treated as none. */
export function readToken(now: Date = new Date()): string | null {
  const stored: unknown = Taro.getStorageSync(SESSION_KEY);
  if (!isStoredSession(stored)) return null;
  return Date.parse(stored.expiresAt) > now.getTime() ? stored.token : null;
}

export function saveSession(session: StoredSession): void {
  Taro.setStorageSync(SESSION_KEY, session);
  Taro.removeStorageSync(SIGNED_OUT_KEY);
}

/** Forgets the session; `signedOut` keeps the app from logging in again until the member asks to. */
export function clearSession(signedOut: boolean): void {
  Taro.removeStorageSync(SESSION_KEY);
  if (signedOut) markSignedOut();
}

export function markSignedOut(): void {
  Taro.setStorageSync(SIGNED_OUT_KEY, true);
}

export function isSignedOut(): boolean {
  return Taro.getStorageSync(SIGNED_OUT_KEY) === true;
}
