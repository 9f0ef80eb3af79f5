import type { OperatorRole } from '@cakeday/shared';
import { isValidObjectId } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { AppError, conflict, notFound } from '../errors/AppError';
import { checkedStoreId } from './createOperator';
import { OperatorModel, type Operator } from './Operator.model';
import { revokeAllSessions } from './operatorSessions';

export interface OperatorChange {
  id: string;
  version: number;
  displayName?: string;
  roles?: OperatorRole[];
  storeId?: string | null;
  status?: 'active' | 'disabled';
  reason: string;
}

const editable = (operator: Operator) => ({
  displayName: operator.displayName,
  roles: operator.roles,
  storeId: operator.storeId?.toHexString() ?? null,
  status: operator.status,
});

/**
 * An admin changes another operator (never their own roles or status: OPS_OPERATOR_SELF), on top of the version
 * they loaded (409 STALE_VERSION otherwise). Disabling or changing roles ends the operator's sessions at once.
 */
export async function updateOperator(change: OperatorChange, actorId: string, audit: AuditContext): Promise<Operator> {
  if (!isValidObjectId(change.id)) throw notFound();
  if (change.id === actorId && (change.roles !== undefined || change.status !== undefined)) throw new AppError(422, 'OPS_OPERATOR_SELF');
  const current = await OperatorModel.findById(change.id).lean();
  if (!current) throw notFound();
  if (current.version !== change.version) throw conflict('STALE_VERSION');
  const roles = change.roles ? [...new Set(change.roles)] : current.roles;
  const wantedStore = change.storeId !== undefined ? change.storeId : (current.storeId?.toHexString() ?? null);
  const storeId = await checkedStoreId(roles, wantedStore);
  const next = { displayName: change.displayName ?? current.displayName, roles, storeId, status: change.status ?? current.status };
  const before = editable(current);
  const after = { ...next, storeId: storeId?.toHexString() ?? null };
  const updated = await audited(
    audit,
    { action: 'ops.operators.update', subject: { type: 'Operator', id: change.id }, before, after, reason: change.reason },
    async (entry) => {
      const written = await OperatorModel.findOneAndUpdate(
        { _id: current._id, version: change.version },
        { $set: { ...next, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
        { returnDocument: 'after' },
      ).lean();
      if (!written) throw conflict('STALE_VERSION');
      return written;
    },
  );
  const narrowed = updated.status === 'disabled' || roles.join() !== current.roles.join() || String(storeId) !== String(current.storeId);
  if (narrowed) await revokeAllSessions(updated._id, audit.now);
  return updated;
}
