import { randomBytes } from 'node:crypto';
import { INTEGRATION_HEADERS, integrationSigningString, type RouteInput, type RouteName } from '@cakeday/shared';
import { Types } from 'mongoose';
import type TestAgent from 'supertest/lib/agent';
import { IntegrationModel, type Integration } from '../integrations/Integration.model';
import { newKeyId, newSecret, sealSecret, sha256Hex, signatureOf } from '../integrations/integrationSecret';
import type { Store } from '../writeoff/Store.model';
import { testConfig } from './app';
import { buildStore } from './operatorFactories';

export interface TestIntegration {
  integration: Integration;
  keyId: string;
  secret: string;
  store: Store | null;
}

/** An active integration with a known secret: a till of a store (built when not given) unless `kind: 'online'`. */
export async function buildIntegration(overrides: { kind?: 'store' | 'online'; store?: Store; status?: 'active' | 'revoked'; sessionSecret?: string } = {}): Promise<TestIntegration> {
  const kind = overrides.kind ?? 'store';
  const store = kind === 'store' ? (overrides.store ?? (await buildStore())) : null;
  const keyId = newKeyId();
  const secret = newSecret();
  const created = await IntegrationModel.create({
    _id: new Types.ObjectId(),
    keyId,
    name: kind === 'store' ? `${store?.name ?? ''}收银` : '线上商城',
    kind,
    storeId: store?._id ?? null,
    secretSealed: sealSecret(secret, overrides.sessionSecret ?? testConfig().SESSION_SECRET),
    secretHint: secret.slice(-4),
    status: overrides.status ?? 'active',
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    createdByOperatorId: new Types.ObjectId(),
    revokedAt: null,
    lastSeenAt: null,
    version: 0,
    auditSeqs: [],
  });
  return { integration: created.toObject(), keyId, secret, store };
}

export interface SigningOptions {
  /** The instant the till's clock says (default: now). */
  at?: Date;
  nonce?: string;
  /** Sign with another secret (a forged request). */
  secret?: string;
  /** Sign another path than the one posted to. */
  signedPath?: string;
  /** Send another body than the one signed (tampering). */
  sentBody?: string;
}

export const freshNonce = (): string => randomBytes(12).toString('hex');

/** The four headers of a signed request, as a till computes them (the README's integration guide). */
export function signedHeaders(keyId: string, secret: string, path: string, body: string, at: Date, nonce: string): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = signatureOf(integrationSigningString({ method: 'POST', path, timestamp, nonce, bodySha256: sha256Hex(body) }), secret);
  return { [INTEGRATION_HEADERS.keyId]: keyId, [INTEGRATION_HEADERS.timestamp]: timestamp, [INTEGRATION_HEADERS.nonce]: nonce, [INTEGRATION_HEADERS.signature]: signature };
}

/** POSTs a signed request to an integration route. */
export function signedPost<N extends RouteName>(http: TestAgent, till: Pick<TestIntegration, 'keyId' | 'secret'>, route: N, input: RouteInput<N>, options: SigningOptions = {}) {
  const path = `/api/${route}`;
  const body = JSON.stringify(input);
  const headers = signedHeaders(till.keyId, options.secret ?? till.secret, options.signedPath ?? path, body, options.at ?? new Date(), options.nonce ?? freshNonce());
  return http.post(path).set(headers).set('Content-Type', 'application/json').send(options.sentBody ?? body);
}
