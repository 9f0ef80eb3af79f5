import type { OpsMallItemsCreateRequest } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, type AuditContext } from '../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../audit/auditOutcomes';
import { assertActiveTemplate } from '../coupons/assertActiveTemplate';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict } from '../errors/AppError';
import { MallItemModel, type MallItem } from './MallItem.model';

registerAuditSubject('MallItem', carriesAuditSeq((filter) => MallItemModel.countDocuments(filter)));

/** A new catalog item with its first stock; off sale unless the operator put it on sale. */
export async function createMallItem(input: OpsMallItemsCreateRequest, audit: AuditContext): Promise<MallItem> {
  if (input.couponTemplateCode) await assertActiveTemplate(input.couponTemplateCode, 'couponTemplateCode');
  const { reason, ...fields } = input;
  const id = new Types.ObjectId();
  const stored = {
    ...fields,
    visibleFrom: fields.visibleFrom ? new Date(fields.visibleFrom) : null,
    visibleTo: fields.visibleTo ? new Date(fields.visibleTo) : null,
  };
  return audited(audit, { action: 'ops.mallItems.create', subject: { type: 'MallItem', id: id.toHexString() }, after: stored, reason }, async (entry) => {
    try {
      const created = await MallItemModel.create({
        _id: id,
        ...stored,
        reservedOrders: [],
        restockedOrders: [],
        createdAt: audit.now,
        updatedAt: audit.now,
        version: 0,
        auditSeqs: [entry._id],
      });
      return created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw conflict('OPS_CODE_TAKEN');
      throw error;
    }
  });
}
