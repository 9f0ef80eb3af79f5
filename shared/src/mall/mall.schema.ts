import { z } from 'zod';
import { TIER_LEVELS } from '../tiers/tiers.rules.js';
import { LIMIT_PERIODS, MALL_ITEM_KINDS, MALL_SECTIONS, MAX_REDEEM_QTY } from './mall.rules.js';
import { orderSchema, paymentRequestSchema } from '../orders/orders.schema.js';
import { couponSchema } from '../coupons/coupons.schema.js';
import { COUPON_BLOCKER_CODES } from '../coupons/coupons.rules.js';

const isoDateTime = z.iso.datetime({ offset: true });
const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');

export const mallItemKindSchema = z.enum(MALL_ITEM_KINDS);

export const mallItemSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** The first of `images` ('' without one); kept for older clients, `imageUrl` says the same with null. */
  coverImage: z.string(),
  /**
   * The item's photo: an https URL, or a path on the BFF (`/media/catalog/…`, uploaded by ops) to resolve against
   * the BFF's address; null = no photo (the mini-program draws the item's kind instead).
   */
  imageUrl: z.string().nullable(),
  kind: mallItemKindSchema,
  /** 会员周边 / 体验服务 / 公益捐赠 / 优惠券 */
  kindLabel: z.string(),
  /** Per unit. */
  pointsPrice: z.number().int(),
  /** Per unit, in fen; 0 = points only. */
  cashFen: z.number().int(),
  /** “1200 积分 + ¥9.90” */
  priceText: z.string(),
  /** Units left; 0 = sold out. */
  stock: z.number().int(),
  soldOut: z.boolean(),
  /** null = every tier. */
  tierRequired: z.enum(TIER_LEVELS).nullable(),
  /** 金卡专享 style badge text; null when every tier may redeem. */
  tierBadge: z.string().nullable(),
  /** Whether the caller's tier may redeem it (false for anonymous callers when a tier is required). */
  tierAllowed: z.boolean(),
  /** Until when it can be redeemed; null = open-ended. */
  visibleTo: isoDateTime.nullable(),
});

export const mallItemDetailSchema = mallItemSummarySchema.extend({
  images: z.array(z.string()),
  description: z.string(),
  /** Rules shown as a bullet list on the item page. */
  rules: z.array(z.string()),
  /** How the member receives it (自提 / 自动发券 / 捐赠证书). */
  fulfilmentText: z.string(),
  limit: z.object({
    period: z.enum(LIMIT_PERIODS),
    /** Units per member per period. */
    perMember: z.number().int(),
    /** 每天限兑 1 件 */
    text: z.string(),
  }),
  /** For a coupon item: what the issued coupon looks like. */
  coupon: z
    .object({ title: z.string(), valueText: z.string(), conditionText: z.string(), validDays: z.number().int() })
    .nullable(),
});

export const mallViewerSchema = z
  .object({
    /** The caller's points balance (for “兑换后剩余积分”). */
    balance: z.number().int(),
    tierLevel: z.enum(TIER_LEVELS),
  })
  .nullable();

export const mallListRequest = z
  .object({
    kind: mallItemKindSchema.optional(),
    /** 积分兑换 or 送礼 (cash-only items, giftable from a wishlist); both when absent. */
    section: z.enum(MALL_SECTIONS).optional(),
    cursor: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

export const mallListResponse = z.object({
  items: z.array(mallItemSummarySchema),
  nextCursor: z.string().nullable(),
  /** null when called without a session. */
  viewer: mallViewerSchema,
});

export const mallItemRequest = z.object({ itemId: objectId }).strict();

export const mallItemResponse = z.object({
  item: mallItemDetailSchema,
  viewer: mallViewerSchema,
  /** Units the caller may still redeem this period (min of stock and limit); null without a session. */
  remainingForMe: z.number().int().nullable(),
});

export const mallRedeemRequest = z
  .object({
    itemId: objectId,
    qty: z.number().int().min(1).max(MAX_REDEEM_QTY).default(1),
    /**
     * The store to collect a pickup item (实物 / 服务) at; ignored for other kinds. The mini-program always asks;
     * without one (older versions) the order is collected at any store, as before.
     */
    storeId: objectId.optional(),
    /** A fresh random key per checkout attempt (8–64 of [A-Za-z0-9_-]); the same key never redeems twice. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    /** A coupon of the member's that takes money off the cash part (mall.checkoutCoupons lists those it may use). */
    couponId: objectId.optional(),
  })
  .strict();

/** The member's coupons at checkout: each with what it would take off, or why it cannot be used on this order. */
export const mallCheckoutCouponsRequest = z
  .object({
    itemId: objectId,
    qty: z.number().int().min(1).max(MAX_REDEEM_QTY).default(1),
  })
  .strict();

export const mallCheckoutCouponsResponse = z.object({
  /** The cash part before any coupon, in fen (coupons never touch the points part). */
  cashTotalFen: z.number().int(),
  items: z.array(
    z.object({
      coupon: couponSchema,
      /** What it takes off the cash part, in fen; 0 when it cannot be used. */
      discountFen: z.number().int(),
      /** Why it cannot be used on this order (couponBlocker); null when it can. */
      blocker: z.object({ code: z.enum(COUPON_BLOCKER_CODES), message: z.string() }).nullable(),
    }),
  ),
});

export const mallRedeemResponse = z.object({
  order: orderSchema,
  /** For a cash part: what `Taro.requestPayment` needs; null for points-only orders (already fulfilled). */
  payment: paymentRequestSchema.nullable(),
});

export type MallItemSummary = z.infer<typeof mallItemSummarySchema>;
export type MallItemDetail = z.infer<typeof mallItemDetailSchema>;
export type MallListRequest = z.infer<typeof mallListRequest>;
export type MallListResponse = z.infer<typeof mallListResponse>;
export type MallItemResponse = z.infer<typeof mallItemResponse>;
export type MallRedeemRequest = z.infer<typeof mallRedeemRequest>;
export type MallRedeemResponse = z.infer<typeof mallRedeemResponse>;
export type MallCheckoutCouponsRequest = z.infer<typeof mallCheckoutCouponsRequest>;
export type MallCheckoutCouponsResponse = z.infer<typeof mallCheckoutCouponsResponse>;
