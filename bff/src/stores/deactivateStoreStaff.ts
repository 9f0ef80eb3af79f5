import { isValidObjectId } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { atVersion, versionOf } from '../db/versioned';
import { conflict, notFound } from '../errors/AppError';
import type { OperatorPrincipal } from '../http/context';
import { assertCanReach } from '../operators/opsAccess';
import { StaffAllowanceModel, type StaffAllowance } from '../writeoff/StaffAllowance.model';

/**
 * Revokes a staff member's write-off rights at once (the staff routes look the allowance up on every call). A store
 * manager reaches only their own store's staff: another store's id answers 404, as if it did not exist.
 */
export async function deactivateStoreStaff(
  input: { id: string; version: number; reason?: string },
  operator: Pick<OperatorPrincipal, 'ability'>,
  audit: AuditContext,
): Promise<StaffAllowance> {
  const current = isValidObjectId(input.id) ? await StaffAllowanceModel.findById(input.id).lean() : null;
  if (!current) throw notFound();
  assertCanReach(operator, 'update', 'StoreStaff', { storeId: current.storeId.toHexString() });
  if (versionOf(current) !== input.version) throw conflict('STALE_VERSION');
  if (!current.active) return current;
  const subject = { type: 'StoreStaff', id: input.id };
  return audited(audit, { action: 'ops.storeStaff.deactivate', subject, before: { active: true }, after: { active: false }, reason: input.reason }, async (entry) => {
    const written = await StaffAllowanceModel.findOneAndUpdate(
      { _id: current._id, version: atVersion(input.version) },
      { $set: { active: false, deactivatedAt: audit.now, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict('STALE_VERSION');
    return written;
  });
}
