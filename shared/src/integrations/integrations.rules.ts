/**
 * How a till or an online channel signs a request to the integration API (the README's integration guide):
 *
 *   X-Cakeday-Key:       the key id (`ck_…`)
 *   X-Cakeday-Timestamp: Unix seconds; refused more than 5 minutes from the server's clock, either way
 *   X-Cakeday-Nonce:     16–64 characters [A-Za-z0-9_-], never reused by the same key
 *   X-Cakeday-Signature: lowercase hex HMAC-SHA256, keyed by the secret, of the signing string below
 *
 * Pure (no crypto here): the BFF, the simulator CLI and the docs build the same string.
 */
export const INTEGRATION_HEADERS = {
  keyId: 'x-cakeday-key',
  timestamp: 'x-cakeday-timestamp',
  nonce: 'x-cakeday-nonce',
  signature: 'x-cakeday-signature',
} as const;

export const INTEGRATION_WINDOW_SECONDS = 300;
export const INTEGRATION_NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const INTEGRATION_KEY_ID_PATTERN = /^ck_[0-9a-f]{24}$/;

/** A store's till (bound to that store) or an online channel (the online shop: no store). */
export const INTEGRATION_KINDS = ['store', 'online'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];
export const integrationKindLabels: Record<IntegrationKind, string> = { store: '门店收银', online: '线上商城' };

export const INTEGRATION_STATUSES = ['active', 'revoked'] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

export interface SignedRequestParts {
  method: string;
  /** The request path without the query, e.g. `/api/pos.purchase`. */
  path: string;
  timestamp: string;
  nonce: string;
  /** Lowercase hex SHA-256 of the raw body bytes (of the empty string when there is no body). */
  bodySha256: string;
}

/** METHOD \n path \n timestamp \n nonce \n sha256(body): one field per line, nothing else. */
export function integrationSigningString(parts: SignedRequestParts): string {
  return [parts.method.toUpperCase(), parts.path, parts.timestamp, parts.nonce, parts.bodySha256].join('\n');
}

/** Whether a timestamp header is a whole number of seconds within the window around `now`. */
export function timestampInWindow(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(Number(timestamp) - now.getTime() / 1000) <= INTEGRATION_WINDOW_SECONDS;
}
