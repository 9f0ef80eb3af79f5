import { createHash, createHmac, randomBytes } from 'node:crypto';
import { INTEGRATION_HEADERS, integrationSigningString, routePath, type RouteInput, type RouteResponse } from '@cakeday/shared';

export type TillRoute = 'pos.identify' | 'pos.purchase' | 'pos.refund';

export interface TillKey {
  keyId: string;
  secret: string;
}

/** A refusal from the API: its stable code and Chinese message (see the README's integration guide). */
export class TillError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
    this.name = 'TillError';
  }
}

/** The four headers of a signed request: HMAC-SHA256 over method, path, timestamp, nonce and the body's SHA-256. */
export function signRequest(key: TillKey, path: string, body: string, at: Date, nonce = randomBytes(16).toString('hex')): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const bodySha256 = createHash('sha256').update(body, 'utf8').digest('hex');
  const signature = createHmac('sha256', key.secret).update(integrationSigningString({ method: 'POST', path, timestamp, nonce, bodySha256 }), 'utf8').digest('hex');
  return { [INTEGRATION_HEADERS.keyId]: key.keyId, [INTEGRATION_HEADERS.timestamp]: timestamp, [INTEGRATION_HEADERS.nonce]: nonce, [INTEGRATION_HEADERS.signature]: signature };
}

/** What a POS vendor's code does: sign each request with the key and send it as JSON. */
export function tillClient(baseUrl: string, key: TillKey, now: () => Date = () => new Date()) {
  return {
    async call<N extends TillRoute>(route: N, input: RouteInput<N>): Promise<RouteResponse<N>> {
      const path = routePath(route);
      const body = JSON.stringify(input);
      const response = await fetch(`${baseUrl.replace(/\/$/, '')}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...signRequest(key, path, body, now()) },
        body,
      });
      const answer = (await response.json()) as { error?: { code: string; message: string } };
      if (!response.ok) throw new TillError(response.status, answer.error?.code ?? 'UNKNOWN', answer.error?.message ?? response.statusText);
      return answer as RouteResponse<N>;
    },
  };
}
