import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { conflict, notFound } from '../errors/AppError';
import { IntegrationModel, type Integration } from './Integration.model';
import { newSecret, sealSecret } from './integrationSecret';

/**
 * A new secret for the same key id, on top of the version the admin loaded: returned this once (the audit entry
 * holds only its last four characters). The current secret keeps signing for `overlapMinutes` so the tills can be
 * moved over, then is refused; a secret from before an earlier rotation is dropped at once (two at most).
 */
export async function rotateIntegration(
  input: { id: string; version: number; overlapMinutes: number; reason: string },
  audit: AuditContext,
  sessionSecret: string,
): Promise<{ integration: Integration; secret: string }> {
  const current = await IntegrationModel.findById(input.id).lean();
  if (!current) throw notFound();
  if (current.status === 'revoked') throw conflict('OPS_INTEGRATION_REVOKED');
  if (current.version !== input.version) throw conflict('STALE_VERSION');
  const secret = newSecret();
  const previousValidUntil = new Date(audit.now.getTime() + input.overlapMinutes * 60_000);
  const before = { secretHint: current.secretHint };
  const after = { secretHint: secret.slice(-4), previousSecretValidUntil: previousValidUntil.toISOString() };
  return audited(audit, { action: 'ops.integrations.rotate', subject: { type: 'Integration', id: input.id }, before, after, reason: input.reason }, async (entry) => {
    const written = await IntegrationModel.findOneAndUpdate(
      { _id: current._id, status: 'active', version: input.version },
      {
        $set: {
          secretSealed: sealSecret(secret, sessionSecret),
          secretHint: secret.slice(-4),
          previousSecretSealed: input.overlapMinutes > 0 ? current.secretSealed : null,
          previousSecretValidUntil: input.overlapMinutes > 0 ? previousValidUntil : null,
          rotatedAt: audit.now,
        },
        $inc: { version: 1 },
        $push: auditSeqPush(entry._id),
      },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict('STALE_VERSION');
    return { integration: written, secret };
  });
}
