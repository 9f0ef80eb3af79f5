import { conditionsOf, couponConditionText, couponRestrictionTexts, couponValueText, toBusinessIso, type OpsCouponTemplate, type OpsCouponTemplateEditable } from '@cakeday/shared';
import { isValidObjectId } from 'mongoose';
import { versionOf } from '../db/versioned';
import { notFound } from '../errors/AppError';
import { CouponTemplateModel, type CouponTemplate } from './CouponTemplate.model';

export function editableOfTemplate(template: CouponTemplate): OpsCouponTemplateEditable {
  return {
    title: template.title,
    description: template.description,
    type: template.type,
    amountOffFen: template.amountOffFen,
    percentOff: template.percentOff,
    minSpendFen: template.minSpendFen,
    freeItemName: template.freeItemName,
    validDays: template.validDays,
    conditions: conditionsOf(template),
    active: template.active,
  };
}

export function presentCouponTemplateForOps(template: CouponTemplate): OpsCouponTemplate {
  return {
    ...editableOfTemplate(template),
    id: template._id.toHexString(),
    code: template.code,
    valueText: couponValueText(template),
    conditionText: couponConditionText(template),
    restrictionTexts: couponRestrictionTexts(template),
    createdAt: toBusinessIso(template.createdAt),
    updatedAt: toBusinessIso(template.updatedAt ?? template.createdAt),
    version: versionOf(template),
  };
}

export async function loadCouponTemplate(id: string): Promise<CouponTemplate> {
  const template = isValidObjectId(id) ? await CouponTemplateModel.findById(id).lean() : null;
  if (!template) throw notFound();
  return template;
}
