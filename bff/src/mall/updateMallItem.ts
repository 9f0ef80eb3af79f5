import { mallItemProblems, type OpsMallItemsUpdateRequest } from '@cakeday/shared';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { auditChanges } from '../audit/auditChanges';
import { assertActiveTemplate } from '../coupons/assertActiveTemplate';
import { atVersion, versionOf } from '../db/versioned';
import { conflict, validationFailed } from '../errors/AppError';
import { loadMallItem } from './listMallItemsForOps';
import { MallItemModel, type MallItem } from './MallItem.model';
import { editableOfMallItem, type StoredMallItemEditable } from './presentMallItemForOps';

const toDate = (value: string | null | undefined): Date | null | undefined => (value === undefined ? undefined : value === null ? null : new Date(value));

/**
 * Changes the item's editable fields on top of the version the operator loaded (409 STALE_VERSION otherwise); the
 * merged item must still make sense (400) and a coupon item must name an active template (422). Stock is not
 * editable here: members' orders change it concurrently (ops.mallItems.adjustStock adds or removes by a delta).
 */
export async function updateMallItem(input: OpsMallItemsUpdateRequest, audit: AuditContext): Promise<MallItem> {
  const { id, version, reason, visibleFrom, visibleTo, ...fields } = input;
  const current = await loadMallItem(id);
  if (versionOf(current) !== version) throw conflict('STALE_VERSION');
  const edit: Partial<StoredMallItemEditable> = { ...fields, visibleFrom: toDate(visibleFrom), visibleTo: toDate(visibleTo) };
  const merged = { ...editableOfMallItem(current), ...Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined)) };
  const problems = mallItemProblems(merged);
  if (problems.length > 0) throw validationFailed(problems);
  const { before, after } = auditChanges(editableOfMallItem(current), edit);
  if (Object.keys(after).length === 0) return current;
  const relinks = 'couponTemplateCode' in after || 'kind' in after || 'status' in after;
  if (merged.couponTemplateCode && relinks) await assertActiveTemplate(merged.couponTemplateCode, 'couponTemplateCode');
  return audited(audit, { action: 'ops.mallItems.update', subject: { type: 'MallItem', id }, before, after, reason }, async (entry) => {
    const written = await MallItemModel.findOneAndUpdate(
      { _id: current._id, version: atVersion(version) },
      { $set: { ...after, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict('STALE_VERSION');
    return written;
  });
}
