import { call, setSessionProvider } from '../api/client';
import { obtainLoginCode } from './loginCode';
import { clearShareArrival, pendingShareArrival } from './shareArrival';
import { clearSession, isSignedOut, markSignedOut, readToken, saveSession } from './sessionStore';

let loginInFlight: Promise<string> | null = null;

/** Logs in with a fresh WeChat code; concurrent callers share one login. */
export function logIn(): Promise<string> {
  loginInFlight ??= (async () => {
    try {
      const code = await obtainLoginCode();
      // A person who arrived through a share passes it along: a new member is bound to the sharer.
      const arrival = pendingShareArrival();
      const { token, expiresAt } = await call('auth.login', arrival ? { code, shareId: arrival.shareId, referralCode: arrival.referralCode } : { code });
      saveSession({ token, expiresAt });
      clearShareArrival();
      return token;
    } finally {
      loginInFlight = null;
    }
  })();
  return loginInFlight;
}

/** The silent re-login after a 401, unless the member logged out or deleted the account. */
async function renewSession(): Promise<string | null> {
  if (isSignedOut()) return null;
  return logIn();
}

export function installSession(): void {
  setSessionProvider({ token: () => readToken(), renew: renewSession });
}

/** Ends the session on the BFF too; the device forgets it even when the BFF cannot be reached. */
export async function logOut(): Promise<void> {
  markSignedOut(); // first, so that a 401 from auth.logout does not log the member in again
  try {
    if (readToken()) await call('auth.logout', {});
  } finally {
    clearSession(true);
  }
}

/** After the account was deleted the BFF has already ended every session. */
export function forgetSession(): void {
  clearSession(true);
}

export { isSignedOut };
