import { addDays, businessDate, conditionsOf, startOfBusinessDay, type CouponSource } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { notFound } from '../errors/AppError';
import { CouponModel, type Coupon } from './Coupon.model';
import { CouponTemplateModel } from './CouponTemplate.model';

export interface IssueCouponInput {
  memberId: string;
  /** A seeded template's stable code, e.g. `birthday-10-off`. */
  templateCode: string;
  source: CouponSource;
  /** With source and templateCode, makes the issue idempotent: e.g. the order id, `<memberId>:<year>`. */
  sourceKey: string;
  /** Caps the template's validity (e.g. at the end of a birthday month): the coupon is valid until the earlier. */
  validUntilAtMost?: Date;
  /** The invitee's welcome coupon: usable on the first order only, whatever its template says. */
  firstOrderOnly?: boolean;
}

/** The issue's idempotency key: its holder, source, source key and template (coupon_issue_once_per_member). */
const issueKey = (input: IssueCouponInput): Pick<Coupon, 'memberId' | 'source' | 'sourceKey' | 'templateCode'> => ({
  memberId: new Types.ObjectId(input.memberId),
  source: input.source,
  sourceKey: input.sourceKey,
  templateCode: input.templateCode,
});

/** Issues one coupon; calling again with the same member, source, sourceKey and templateCode returns the same coupon. */
export async function issueCoupon(input: IssueCouponInput, now: Date): Promise<Coupon> {
  const existing = await CouponModel.findOne(issueKey(input)).lean();
  if (existing) return existing;
  const template = await CouponTemplateModel.findOne({ code: input.templateCode, active: true }).lean();
  if (!template) throw notFound();
  const templateValidUntil = startOfBusinessDay(addDays(businessDate(now), template.validDays + 1));
  const validUntil = input.validUntilAtMost && input.validUntilAtMost < templateValidUntil ? input.validUntilAtMost : templateValidUntil;
  try {
    const created = await CouponModel.create({
      memberId: new Types.ObjectId(input.memberId),
      templateCode: template.code,
      title: template.title,
      description: template.description,
      type: template.type,
      amountOffFen: template.amountOffFen,
      percentOff: template.percentOff,
      minSpendFen: template.minSpendFen,
      freeItemName: template.freeItemName,
      conditions: { ...conditionsOf(template), ...(input.firstOrderOnly ? { firstOrderOnly: true } : {}) },
      source: input.source,
      sourceKey: input.sourceKey,
      status: 'available',
      validFrom: now,
      validUntil,
      usedAt: null,
      usedStoreId: null,
      usedStoreName: null,
      usedByStaffMemberId: null,
      createdAt: now,
      updatedAt: now,
    });
    return created.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const stored = await CouponModel.findOne(issueKey(input)).lean();
    if (!stored) throw error;
    return stored;
  }
}
