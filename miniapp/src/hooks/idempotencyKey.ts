const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh key for one checkout attempt (24 characters of [A-Za-z0-9]). WeChat's engine has no crypto API; the
 * key only has to be unique per member, and the time prefix keeps two attempts apart anyway.
 */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  let key = now.toString(36);
  while (key.length < 24) key += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'x';
  return key;
}
