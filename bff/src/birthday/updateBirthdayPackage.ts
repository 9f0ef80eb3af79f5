import { birthdayPackageProblems, type OpsBirthdayPackagesUpdateRequest } from '@cakeday/shared';
import { isValidObjectId } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { auditChanges } from '../audit/auditChanges';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { assertActiveTemplate } from '../coupons/assertActiveTemplate';
import { atVersion, versionOf } from '../db/versioned';
import { conflict, notFound, validationFailed } from '../errors/AppError';
import { BirthdayPackageModel, type BirthdayPackage } from './BirthdayPackage.model';
import { editableOfPackage } from './presentBirthdayPackageForOps';

registerAuditSubject('BirthdayPackage', carriesAuditSeq((filter) => BirthdayPackageModel.countDocuments(filter)));

/**
 * Edits a tier's birthday package on top of the version the operator loaded (409 STALE_VERSION). Its code never
 * changes (claims are keyed by it: a member who claimed this year's package cannot claim it again after an edit);
 * every coupon item must name an active template (422).
 */
export async function updateBirthdayPackage(input: OpsBirthdayPackagesUpdateRequest, audit: AuditContext): Promise<BirthdayPackage> {
  const { id, version, reason, ...edit } = input;
  const current = isValidObjectId(id) ? await BirthdayPackageModel.findById(id).lean() : null;
  if (!current) throw notFound();
  if (versionOf(current) !== version) throw conflict('STALE_VERSION');
  const merged = { ...editableOfPackage(current), ...Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined)) };
  const problems = birthdayPackageProblems(merged);
  if (problems.length > 0) throw validationFailed(problems);
  const { before, after } = auditChanges(editableOfPackage(current), edit);
  if (Object.keys(after).length === 0) return current;
  if (merged.active) {
    for (const [index, item] of merged.items.entries()) {
      if (item.templateCode) await assertActiveTemplate(item.templateCode, `items.${index}.templateCode`);
    }
  }
  return audited(audit, { action: 'ops.birthdayPackages.update', subject: { type: 'BirthdayPackage', id }, before, after, reason }, async (entry) => {
    const written = await BirthdayPackageModel.findOneAndUpdate(
      { _id: current._id, version: atVersion(version) },
      { $set: { ...after, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict('STALE_VERSION');
    return written;
  });
}
