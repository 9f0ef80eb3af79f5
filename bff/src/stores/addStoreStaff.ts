import { maskPersonalData, opsSubject } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { atVersion, versionOf } from '../db/versioned';
import { AppError, conflict } from '../errors/AppError';
import type { OperatorPrincipal } from '../http/context';
import { MemberModel } from '../members/Member.model';
import { assertCanName } from '../operators/opsAccess';
import { StaffAllowanceModel, type StaffAllowance } from '../writeoff/StaffAllowance.model';
import { StoreModel } from '../writeoff/Store.model';

registerAuditSubject('StoreStaff', carriesAuditSeq((filter) => StaffAllowanceModel.countDocuments(filter)));

export interface NewStaff {
  storeId: string;
  memberId: string;
  name: string;
  reason?: string;
}

/**
 * Lets a member write off at a store (replacing the seed-only allow-list). A person is staff of one store at a
 * time (one allowance per openid): someone active elsewhere must be deactivated there first, and only an operator
 * who manages that other store may move an inactive allowance over; someone inactive at this store is reactivated.
 */
export async function addStoreStaff(input: NewStaff, operator: Pick<OperatorPrincipal, 'ability'>, audit: AuditContext): Promise<StaffAllowance> {
  assertCanName(operator, 'create', 'StoreStaff', { storeId: input.storeId });
  if (!isValidObjectId(input.storeId) || !(await StoreModel.exists({ _id: input.storeId }))) throw new AppError(422, 'OPS_STORE_NOT_FOUND');
  const member = isValidObjectId(input.memberId) ? await MemberModel.findOne({ _id: input.memberId, status: 'active' }, { openid: 1 }).lean() : null;
  if (!member) throw new AppError(422, 'OPS_MEMBER_NOT_FOUND');
  const storeId = new Types.ObjectId(input.storeId);
  const fields = { storeId, memberId: member._id, name: input.name };
  const after = maskPersonalData({ storeId: input.storeId, memberId: input.memberId, name: input.name, openid: member.openid, active: true });
  const existing = await StaffAllowanceModel.findOne({ openid: member.openid }).lean();
  if (!existing) {
    const id = new Types.ObjectId();
    return audited(audit, { action: 'ops.storeStaff.add', subject: { type: 'StoreStaff', id: id.toHexString() }, after, reason: input.reason }, async (entry) => {
      try {
        const created = await StaffAllowanceModel.create({ _id: id, openid: member.openid, ...fields, active: true, createdAt: audit.now, updatedAt: audit.now, version: 0, auditSeqs: [entry._id] });
        return created.toObject();
      } catch (error) {
        if (isDuplicateKeyError(error)) throw conflict('OPS_STAFF_EXISTS');
        throw error;
      }
    });
  }
  const elsewhere = !existing.storeId.equals(storeId);
  if (existing.active) throw conflict(elsewhere ? 'OPS_STAFF_IN_OTHER_STORE' : 'OPS_STAFF_EXISTS');
  if (elsewhere && !operator.ability.can('update', opsSubject('StoreStaff', { storeId: existing.storeId.toHexString() }))) throw conflict('OPS_STAFF_IN_OTHER_STORE');
  const before = maskPersonalData({ storeId: existing.storeId.toHexString(), name: existing.name, active: false });
  const id = existing._id.toHexString();
  return audited(audit, { action: 'ops.storeStaff.add', subject: { type: 'StoreStaff', id }, before, after, reason: input.reason }, async (entry) => {
    const written = await StaffAllowanceModel.findOneAndUpdate(
      { _id: existing._id, active: false, version: atVersion(versionOf(existing)) },
      { $set: { ...fields, active: true, deactivatedAt: null, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict('STALE_VERSION');
    return written;
  });
}
