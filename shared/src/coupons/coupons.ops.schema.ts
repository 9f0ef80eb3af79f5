import { z } from 'zod';
import { issuesFrom, opsDateTimeSchema, opsIdSchema, opsReasonSchema, opsVersionSchema } from '../api/opsEdits.js';
import { pageFields, pageOf } from '../api/paging.js';
import { couponFaceProblems } from './coupons.ops.rules.js';
import { COUPON_CHANNELS, COUPON_TYPES, NO_COUPON_CONDITIONS } from './coupons.rules.js';
import { tierLevelSchema } from '../tiers/tiers.schema.js';

const distinct = <T>(values: readonly T[]): boolean => new Set(values).size === values.length;

/** Who may use the template's coupons, where and when (couponBlocker); copied onto each coupon at issue. */
export const couponConditionsSchema = z
  .object({
    firstOrderOnly: z.boolean(),
    tiers: z.array(tierLevelSchema).max(3).refine(distinct, '等级不能重复'),
    birthdayMonthOnly: z.boolean(),
    storeIds: z.array(opsIdSchema).max(100).refine(distinct, '门店不能重复'),
    channels: z.array(z.enum(COUPON_CHANNELS)).max(3).refine(distinct, '渠道不能重复'),
  })
  .strict();

/** The face and validity ops can edit; coupons already issued keep the face they were issued with. */
const editable = {
  title: z.string().trim().min(1).max(30),
  description: z.string().trim().max(200),
  type: z.enum(COUPON_TYPES),
  amountOffFen: z.number().int().min(1).max(100_000_000).nullable(),
  /** Percent off: 15 = 8.5 折. */
  percentOff: z.number().int().min(1).max(99).nullable(),
  minSpendFen: z.number().int().min(0).max(100_000_000),
  freeItemName: z.string().trim().min(1).max(40).nullable(),
  /** A coupon is valid until the end of the business day this many days after issue (0 = the issue day). */
  validDays: z.number().int().min(0).max(3650),
  conditions: couponConditionsSchema,
  /** Inactive templates issue nothing (refused while an item on sale or an active birthday package uses it). */
  active: z.boolean(),
};

export const opsCouponTemplateSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  type: z.enum(COUPON_TYPES),
  amountOffFen: z.number().int().nullable(),
  percentOff: z.number().int().nullable(),
  minSpendFen: z.number().int(),
  freeItemName: z.string().nullable(),
  /** “¥10”, “8.5折”, “免费” */
  valueText: z.string(),
  /** “满50元可用” */
  conditionText: z.string(),
  conditions: couponConditionsSchema,
  /** 限首单使用, 限金卡、钻石卡会员… */
  restrictionTexts: z.array(z.string()),
  validDays: z.number().int(),
  active: z.boolean(),
  createdAt: opsDateTimeSchema,
  updatedAt: opsDateTimeSchema,
  version: z.number().int(),
});

export const opsCouponTemplatesListRequest = z
  .object({ ...pageFields, active: z.boolean().optional(), query: z.string().trim().min(1).max(64).optional() })
  .strict();
export const opsCouponTemplatesListResponse = pageOf(opsCouponTemplateSchema);

export const opsCouponTemplatesCreateRequest = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '2–64 位小写字母、数字或 -'),
    ...editable,
    description: editable.description.default(''),
    amountOffFen: editable.amountOffFen.default(null),
    percentOff: editable.percentOff.default(null),
    minSpendFen: editable.minSpendFen.default(0),
    freeItemName: editable.freeItemName.default(null),
    conditions: editable.conditions.default({ ...NO_COUPON_CONDITIONS }),
    active: editable.active.default(true),
    reason: opsReasonSchema.optional(),
  })
  .strict()
  .superRefine(issuesFrom(couponFaceProblems));
export const opsCouponTemplatesCreateResponse = opsCouponTemplateSchema;

/** Any subset of the editable fields on top of `version`; the merged face is checked again by the server. */
export const opsCouponTemplatesUpdateRequest = z
  .object(editable)
  .partial()
  .extend({ id: opsIdSchema, version: opsVersionSchema, reason: opsReasonSchema.optional() })
  .strict();
export const opsCouponTemplatesUpdateResponse = opsCouponTemplateSchema;

export type OpsCouponTemplate = z.infer<typeof opsCouponTemplateSchema>;
export type OpsCouponTemplateEditable = z.output<z.ZodObject<typeof editable>>;
export type OpsCouponTemplatesCreateRequest = z.infer<typeof opsCouponTemplatesCreateRequest>;
export type OpsCouponTemplatesUpdateRequest = z.infer<typeof opsCouponTemplatesUpdateRequest>;
