import type { IntegrationKind } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { AppError } from '../errors/AppError';
import { StoreModel } from '../writeoff/Store.model';
import { IntegrationModel, type Integration } from './Integration.model';
import { newKeyId, newSecret, sealSecret } from './integrationSecret';

registerAuditSubject('Integration', carriesAuditSeq((filter) => IntegrationModel.countDocuments(filter)));

export interface NewIntegration {
  name: string;
  kind: IntegrationKind;
  storeId: string | null;
  reason?: string;
}

/**
 * A new key, active at once: a till is bound to its store (422 when none or one is named for an online channel,
 * OPS_STORE_NOT_FOUND for an unknown one). The secret is returned this once; the audit entry never holds it.
 */
export async function createIntegration(
  input: NewIntegration,
  operatorId: string,
  audit: AuditContext,
  sessionSecret: string,
): Promise<{ integration: Integration; secret: string }> {
  if ((input.kind === 'store') !== (input.storeId !== null)) throw new AppError(422, 'OPS_INTEGRATION_STORE_REQUIRED');
  if (input.storeId && !(await StoreModel.exists({ _id: input.storeId }))) throw new AppError(422, 'OPS_STORE_NOT_FOUND');
  const id = new Types.ObjectId();
  const keyId = newKeyId();
  const secret = newSecret();
  const after = { name: input.name, kind: input.kind, storeId: input.storeId, keyId };
  return audited(audit, { action: 'ops.integrations.create', subject: { type: 'Integration', id: id.toHexString() }, after, reason: input.reason }, async (entry) => {
    const created = await IntegrationModel.create({
      _id: id,
      keyId,
      name: input.name,
      kind: input.kind,
      storeId: input.storeId ? new Types.ObjectId(input.storeId) : null,
      secretSealed: sealSecret(secret, sessionSecret),
      secretHint: secret.slice(-4),
      status: 'active',
      createdAt: audit.now,
      createdByOperatorId: new Types.ObjectId(operatorId),
      revokedAt: null,
      lastSeenAt: null,
      version: 0,
      auditSeqs: [entry._id],
    });
    return { integration: created.toObject(), secret };
  });
}
