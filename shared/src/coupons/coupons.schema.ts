import { z } from 'zod';
import { COUPON_SOURCES, COUPON_STATUSES, COUPON_TYPES } from './coupons.rules.js';
import { qrTokenSchema } from '../orders/orders.schema.js';

const isoDateTime = z.iso.datetime({ offset: true });
const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');

export const couponSchema = z.object({
  id: z.string(),
  templateCode: z.string(),
  title: z.string(),
  description: z.string(),
  type: z.enum(COUPON_TYPES),
  /** “¥10”, “8.5折”, “免费” */
  valueText: z.string(),
  /** “满50元可用”, “无门槛”, “兑换：生日蛋糕升大一寸” */
  conditionText: z.string(),
  /** Who may use it, where and when, in words: 限首单使用, 限门店使用… (couponRestrictionTexts). */
  restrictionTexts: z.array(z.string()),
  amountOffFen: z.number().int().nullable(),
  percentOff: z.number().int().nullable(),
  minSpendFen: z.number().int(),
  status: z.enum(COUPON_STATUSES),
  /** 可使用 / 已使用 / 已过期 / 已作废 */
  statusLabel: z.string(),
  source: z.enum(COUPON_SOURCES),
  /** 积分兑换 / 生日礼 / … */
  sourceLabel: z.string(),
  validFrom: isoDateTime,
  validUntil: isoDateTime,
  usedAt: isoDateTime.nullable(),
  usedStoreName: z.string().nullable(),
  /** Available and inside its validity: show the QR (coupons.qr). */
  canShowQr: z.boolean(),
});

export const couponsListRequest = z
  .object({
    status: z.enum(['available', 'history']).default('available'),
    cursor: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

export const couponsListResponse = z.object({
  items: z.array(couponSchema),
  nextCursor: z.string().nullable(),
  /** Count of available coupons (the tab badge). */
  availableCount: z.number().int(),
});

export const couponsQrRequest = z.object({ couponId: objectId }).strict();
export const couponsQrResponse = qrTokenSchema;

export type Coupon = z.infer<typeof couponSchema>;
export type CouponsListRequest = z.infer<typeof couponsListRequest>;
export type CouponsListResponse = z.infer<typeof couponsListResponse>;
