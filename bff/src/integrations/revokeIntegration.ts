import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { conflict, notFound } from '../errors/AppError';
import { IntegrationModel, type Integration } from './Integration.model';

/** Revokes a key for good on top of the version the admin loaded: its next request is refused (INTEGRATION_REVOKED). */
export async function revokeIntegration(input: { id: string; version: number; reason: string }, audit: AuditContext): Promise<Integration> {
  const current = await IntegrationModel.findById(input.id).lean();
  if (!current) throw notFound();
  if (current.status === 'revoked') throw conflict('OPS_INTEGRATION_REVOKED');
  if (current.version !== input.version) throw conflict('STALE_VERSION');
  return audited(
    audit,
    { action: 'ops.integrations.revoke', subject: { type: 'Integration', id: input.id }, before: { status: 'active' }, after: { status: 'revoked' }, reason: input.reason },
    async (entry) => {
      const written = await IntegrationModel.findOneAndUpdate(
        { _id: current._id, status: 'active', version: input.version },
        { $set: { status: 'revoked', revokedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
        { returnDocument: 'after' },
      ).lean();
      if (!written) throw conflict('STALE_VERSION');
      return written;
    },
  );
}
