import { INTEGRATION_HEADERS, INTEGRATION_NONCE_PATTERN, integrationSigningString, timestampInWindow } from '@cakeday/shared';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { AppError } from '../errors/AppError';
import type { CakedayContext, IntegrationPrincipal } from '../http/context';
import type { AppDeps } from '../http/deps';
import { IntegrationModel } from './Integration.model';
import { IntegrationNonceModel } from './IntegrationNonce.model';
import { openSecret, sameSignature, sha256Hex, signatureOf } from './integrationSecret';

const LAST_SEEN_GRANULARITY_MS = 60_000;

const refuse = (code: 'INTEGRATION_SIGNATURE_INVALID' | 'INTEGRATION_REVOKED' | 'INTEGRATION_TIMESTAMP_OUT_OF_WINDOW' | 'INTEGRATION_NONCE_REUSED'): AppError =>
  new AppError(401, code);

/**
 * The caller of an integration route, from its signed request: key → signature (over method, path, timestamp,
 * nonce and the raw body) → not revoked → timestamp within the window → rate limit → nonce never seen. Every refusal
 * is a 401 (429 for the limit) and records nothing but, once the signature holds, the nonce. Member tokens and
 * operator cookies are never looked at here.
 */
export async function authenticateIntegration(ctx: CakedayContext, deps: Pick<AppDeps, 'config' | 'now' | 'integrationLimiter'>): Promise<IntegrationPrincipal> {
  const keyId = ctx.get(INTEGRATION_HEADERS.keyId);
  const timestamp = ctx.get(INTEGRATION_HEADERS.timestamp);
  const nonce = ctx.get(INTEGRATION_HEADERS.nonce);
  const signature = ctx.get(INTEGRATION_HEADERS.signature);
  if (!keyId || !timestamp || !nonce || !signature || !INTEGRATION_NONCE_PATTERN.test(nonce)) throw refuse('INTEGRATION_SIGNATURE_INVALID');
  const integration = await IntegrationModel.findOne({ keyId }).lean();
  if (!integration) throw refuse('INTEGRATION_SIGNATURE_INVALID');
  // From here on the request counts in the key's daily usage (registerRoutes), refused or not.
  ctx.state.integrationCounted = integration._id.toHexString();
  const now = deps.now();
  const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
  const signingString = integrationSigningString({ method: ctx.method, path: ctx.path, timestamp, nonce, bodySha256: sha256Hex(rawBody) });
  const signedWith = (sealed: string): boolean => sameSignature(signatureOf(signingString, openSecret(sealed, deps.config.SESSION_SECRET)), signature);
  // After a rotation the previous secret still signs until its overlap ends; then only the new one does.
  const previous = integration.previousSecretSealed && integration.previousSecretValidUntil && now < integration.previousSecretValidUntil ? integration.previousSecretSealed : null;
  if (!signedWith(integration.secretSealed) && !(previous && signedWith(previous))) throw refuse('INTEGRATION_SIGNATURE_INVALID');
  if (integration.status !== 'active') throw refuse('INTEGRATION_REVOKED');
  if (!timestampInWindow(timestamp, now)) throw refuse('INTEGRATION_TIMESTAMP_OUT_OF_WINDOW');
  await deps.integrationLimiter.consume(integration._id.toHexString());
  try {
    await IntegrationNonceModel.create({ integrationId: integration._id, nonce, at: now });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw refuse('INTEGRATION_NONCE_REUSED');
    throw error;
  }
  await IntegrationModel.updateOne(
    { _id: integration._id, $or: [{ lastSeenAt: null }, { lastSeenAt: { $lt: new Date(now.getTime() - LAST_SEEN_GRANULARITY_MS) } }] },
    { $set: { lastSeenAt: now } },
  );
  return {
    integrationId: integration._id.toHexString(),
    keyId: integration.keyId,
    kind: integration.kind,
    storeId: integration.storeId?.toHexString() ?? null,
  };
}
