import type { OpsCouponTemplatesCreateRequest } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict } from '../errors/AppError';
import { CouponTemplateModel, type CouponTemplate } from './CouponTemplate.model';

registerAuditSubject('CouponTemplate', carriesAuditSeq((filter) => CouponTemplateModel.countDocuments(filter)));

/** A new template; its code is stable (items, birthday packages and settings issue by it). */
export async function createCouponTemplate(input: OpsCouponTemplatesCreateRequest, audit: AuditContext): Promise<CouponTemplate> {
  const { reason, ...fields } = input;
  const id = new Types.ObjectId();
  return audited(audit, { action: 'ops.couponTemplates.create', subject: { type: 'CouponTemplate', id: id.toHexString() }, after: fields, reason }, async (entry) => {
    try {
      const created = await CouponTemplateModel.create({ _id: id, ...fields, createdAt: audit.now, updatedAt: audit.now, version: 0, auditSeqs: [entry._id] });
      return created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw conflict('OPS_CODE_TAKEN');
      throw error;
    }
  });
}
