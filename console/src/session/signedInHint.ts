/**
 * Whether this browser has a console session, as far as the console knows: the cookie is httpOnly, so without this
 * hint every first visit would ask `ops.me` and collect a 401. It holds no secret; the BFF decides on every call.
 */
const KEY = 'cakeday-console:signed-in';

export function hasSignedInHint(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return true; // storage refused: ask the BFF
  }
}

export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(KEY, '1');
    else window.localStorage.removeItem(KEY);
  } catch {
    // storage refused: the next visit asks the BFF
  }
}
