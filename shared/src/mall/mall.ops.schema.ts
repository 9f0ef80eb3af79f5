import { z } from 'zod';
import { issuesFrom, opsDateTimeSchema, opsIdSchema, opsReasonSchema, opsVersionSchema } from '../api/opsEdits.js';
import { pageFields, pageOf } from '../api/paging.js';
import { TIER_LEVELS } from '../tiers/tiers.rules.js';
import { mallItemProblems } from './mall.ops.rules.js';
import { LIMIT_PERIODS, MALL_ITEM_KINDS } from './mall.rules.js';
import { CATALOG_IMAGE_PATH_PATTERN, MALL_ITEM_IMAGE_MAX_BASE64_LENGTH } from './mall.images.js';

export const MALL_ITEM_STATUSES = ['active', 'inactive'] as const;
export const MAX_STOCK = 10_000_000;

/**
 * Images are https URLs (the mini-program loads network images over https only) or the path of a photo uploaded
 * through ops.mallItems.uploadImage (served by the BFF, which is https in production).
 */
const imageUrl = z.union([
  z.url({ protocol: /^https$/, message: '须为 https 图片地址' }).max(500),
  z.string().regex(CATALOG_IMAGE_PATH_PATTERN, '须为 https 图片地址'),
]);
const itemCode = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '2–64 位小写字母、数字或 -');

/** What ops can edit on an item; stock changes only by ops.mallItems.adjustStock. */
const editable = {
  title: z.string().trim().min(1).max(40),
  subtitle: z.string().trim().max(60),
  description: z.string().trim().max(2000),
  rules: z.array(z.string().trim().min(1).max(100)).max(10),
  images: z.array(imageUrl).max(9),
  kind: z.enum(MALL_ITEM_KINDS),
  /** Per unit. */
  pointsPrice: z.number().int().min(0).max(10_000_000),
  /** Per unit, fen; 0 = points only. */
  cashFen: z.number().int().min(0).max(100_000_000),
  limitPerMember: z.number().int().min(1).max(1000),
  limitPeriod: z.enum(LIMIT_PERIODS),
  /** null = every tier. */
  tierRequired: z.enum(TIER_LEVELS).nullable(),
  /** For kind `coupon`: the template issued per unit (required then, refused otherwise). */
  couponTemplateCode: z.string().trim().min(1).max(64).nullable(),
  visibleFrom: opsDateTimeSchema.nullable(),
  visibleTo: opsDateTimeSchema.nullable(),
  /** active = on sale (inside its visibility window), inactive = off sale. */
  status: z.enum(MALL_ITEM_STATUSES),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000),
};

export const opsMallItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  subtitle: z.string(),
  description: z.string(),
  rules: z.array(z.string()),
  images: z.array(z.string()),
  /** The cover (the first of `images`): an https URL or an uploaded photo's path on the BFF; null = none. */
  imageUrl: z.string().nullable(),
  kind: z.enum(MALL_ITEM_KINDS),
  kindLabel: z.string(),
  pointsPrice: z.number().int(),
  cashFen: z.number().int(),
  priceText: z.string(),
  /** Units left for members to redeem. */
  stock: z.number().int(),
  /** Orders holding units that are not final yet (awaiting payment, say). */
  reservedOrders: z.number().int(),
  limitPerMember: z.number().int(),
  limitPeriod: z.enum(LIMIT_PERIODS),
  tierRequired: z.enum(TIER_LEVELS).nullable(),
  couponTemplateCode: z.string().nullable(),
  visibleFrom: opsDateTimeSchema.nullable(),
  visibleTo: opsDateTimeSchema.nullable(),
  status: z.enum(MALL_ITEM_STATUSES),
  sortOrder: z.number().int(),
  createdAt: opsDateTimeSchema,
  updatedAt: opsDateTimeSchema,
  version: z.number().int(),
});

export const opsMallItemsListRequest = z
  .object({
    ...pageFields,
    status: z.enum(MALL_ITEM_STATUSES).optional(),
    kind: z.enum(MALL_ITEM_KINDS).optional(),
    /** Part of the title or code. */
    query: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export const opsMallItemsListResponse = pageOf(opsMallItemSchema);

export const opsMallItemsGetRequest = z.object({ id: opsIdSchema }).strict();
export const opsMallItemsGetResponse = opsMallItemSchema;

export const opsMallItemsCreateRequest = z
  .object({
    code: itemCode,
    ...editable,
    subtitle: editable.subtitle.default(''),
    description: editable.description.default(''),
    rules: editable.rules.default([]),
    images: editable.images.default([]),
    cashFen: editable.cashFen.default(0),
    tierRequired: editable.tierRequired.default(null),
    couponTemplateCode: editable.couponTemplateCode.default(null),
    visibleFrom: editable.visibleFrom.default(null),
    visibleTo: editable.visibleTo.default(null),
    /** New items start off sale unless said otherwise, so they can be checked first. */
    status: editable.status.default('inactive'),
    sortOrder: editable.sortOrder.default(0),
    stock: z.number().int().min(0).max(MAX_STOCK),
    reason: opsReasonSchema.optional(),
  })
  .strict()
  .superRefine(issuesFrom(mallItemProblems));
export const opsMallItemsCreateResponse = opsMallItemSchema;

/** Any subset of the editable fields, on top of `version`; the merged item is checked again by the server. */
export const opsMallItemsUpdateRequest = z
  .object(editable)
  .partial()
  .extend({ id: opsIdSchema, version: opsVersionSchema, reason: opsReasonSchema.optional() })
  .strict();
export const opsMallItemsUpdateResponse = opsMallItemSchema;

/**
 * Adds or removes units by a delta (never sets a number: members' orders reserve stock at the same time). The
 * result may not go below zero (409 OPS_STOCK_NEGATIVE); the item's version guards against a double submit.
 */
export const opsMallItemsAdjustStockRequest = z
  .object({
    id: opsIdSchema,
    version: opsVersionSchema,
    delta: z
      .number()
      .int()
      .min(-MAX_STOCK)
      .max(MAX_STOCK)
      .refine((delta) => delta !== 0, '调整数量不能为 0'),
    reason: opsReasonSchema,
  })
  .strict();
export const opsMallItemsAdjustStockResponse = opsMallItemSchema;

/**
 * A product photo for the item, base64 (no data: prefix), checked by its first bytes on the BFF (JPEG, PNG or WebP,
 * at most MALL_ITEM_IMAGE_MAX_BYTES). It becomes the item's cover (the first of `images`), replacing an earlier
 * upload; the item's version guards against replacing a photo someone else just changed.
 */
export const opsMallItemsUploadImageRequest = z
  .object({
    id: opsIdSchema,
    version: opsVersionSchema,
    imageBase64: z
      .string()
      .min(1)
      .max(MALL_ITEM_IMAGE_MAX_BASE64_LENGTH, '商品图片太大')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '不是图片数据'),
    reason: opsReasonSchema.optional(),
  })
  .strict();
export const opsMallItemsUploadImageResponse = opsMallItemSchema;

/** Takes the uploaded photo off the item (the mini-program draws the item's kind again); https images stay. */
export const opsMallItemsRemoveImageRequest = z
  .object({ id: opsIdSchema, version: opsVersionSchema, reason: opsReasonSchema.optional() })
  .strict();
export const opsMallItemsRemoveImageResponse = opsMallItemSchema;

export type OpsMallItemsUploadImageRequest = z.infer<typeof opsMallItemsUploadImageRequest>;
export type OpsMallItemsRemoveImageRequest = z.infer<typeof opsMallItemsRemoveImageRequest>;
export type OpsMallItem = z.infer<typeof opsMallItemSchema>;
export type OpsMallItemsListRequest = z.infer<typeof opsMallItemsListRequest>;
export type OpsMallItemsCreateRequest = z.infer<typeof opsMallItemsCreateRequest>;
export type OpsMallItemsUpdateRequest = z.infer<typeof opsMallItemsUpdateRequest>;
export type OpsMallItemEditable = z.output<z.ZodObject<typeof editable>>;
