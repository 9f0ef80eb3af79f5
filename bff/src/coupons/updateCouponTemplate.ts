import { couponFaceProblems, type OpsCouponTemplatesUpdateRequest } from '@cakeday/shared';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import { auditChanges } from '../audit/auditChanges';
import { atVersion, versionOf } from '../db/versioned';
import { conflict, validationFailed } from '../errors/AppError';
import { CouponTemplateModel, type CouponTemplate } from './CouponTemplate.model';
import { editableOfTemplate, loadCouponTemplate } from './presentCouponTemplateForOps';
import { templateInUse } from './templateInUse';

/**
 * Edits a template's face, validity or state on top of the version the operator loaded (409 STALE_VERSION). Coupons
 * already issued keep the face copied onto them at issue (coupons/couponFace.ts); only later issues change. A
 * template something live issues cannot be deactivated (409 OPS_COUPON_TEMPLATE_IN_USE).
 */
export async function updateCouponTemplate(input: OpsCouponTemplatesUpdateRequest, audit: AuditContext, programCodes: readonly string[]): Promise<CouponTemplate> {
  const { id, version, reason, ...edit } = input;
  const current = await loadCouponTemplate(id);
  if (versionOf(current) !== version) throw conflict('STALE_VERSION');
  const merged = { ...editableOfTemplate(current), ...Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined)) };
  const problems = couponFaceProblems(merged);
  if (problems.length > 0) throw validationFailed(problems);
  const { before, after } = auditChanges(editableOfTemplate(current), edit);
  if (Object.keys(after).length === 0) return current;
  if (after.active === false && (await templateInUse(current.code, programCodes))) throw conflict('OPS_COUPON_TEMPLATE_IN_USE');
  return audited(audit, { action: 'ops.couponTemplates.update', subject: { type: 'CouponTemplate', id }, before, after, reason }, async (entry) => {
    const written = await CouponTemplateModel.findOneAndUpdate(
      { _id: current._id, version: atVersion(version) },
      { $set: { ...after, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict('STALE_VERSION');
    return written;
  });
}
