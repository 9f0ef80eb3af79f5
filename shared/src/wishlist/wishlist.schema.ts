import { z } from 'zod';
import { orderSchema, paymentRequestSchema } from '../orders/orders.schema.js';
import { personSchema, posterSchema, shareIdSchema, shareInfoSchema } from '../referral/referral.schema.js';
import { memberTextInput } from '../text/memberText.schema.js';

const isoDateTime = z.iso.datetime({ offset: true });

export const WISHLIST_MAX_WISHES = 10;
export const WISH_TEXT_MAX_LENGTH = 40;
export const WISH_NOTE_MAX_LENGTH = 60;
export const WISH_KINDS = ['item', 'text'] as const;

export const wishItemSchema = z.object({
  itemId: z.string(),
  title: z.string(),
  imageUrl: z.string().nullable(),
  /** Cash price in fen and as text (formatFen: “¥68”, “¥19.80”). */
  priceFen: z.number().int(),
  priceText: z.string(),
  /** False when the item was taken off sale or is not cash-only (friends pay cash): the wish stays, not giftable. */
  onSale: z.boolean(),
});

export const wishSchema = z.object({
  id: z.string(),
  kind: z.enum(WISH_KINDS),
  /** For kind item. */
  item: wishItemSchema.nullable(),
  /** For kind text. */
  text: z.string().nullable(),
  note: z.string().nullable(),
  /**
   * Owner's view only: which of the member's texts wait for a content review (shown marked 审核中). Friends
   * never see a text in review: a text wish in review is left out of their view, a note in review is null.
   */
  inReview: z.array(z.enum(['text', 'note'])),
  /** 0-based display order. */
  position: z.number().int(),
  fulfilled: z.boolean(),
  fulfilledAt: isoDateTime.nullable(),
  /** Owner's view only (for a thank-you); null in a friend's view. */
  giver: personSchema.nullable(),
  /** True while a friend's gift order is being paid (shown as “好友正在送出”). */
  giftPending: z.boolean(),
  /** Whether a friend can gift it now. */
  giftable: z.boolean(),
  createdAt: isoDateTime,
});

export const wishlistMineRequest = z.object({}).strict();
export const wishlistMineResponse = z.object({
  wishes: z.array(wishSchema),
  maxWishes: z.number().int(),
  shared: z.boolean(),
  /** While shared: what onShareAppMessage and the poster need. */
  share: shareInfoSchema.nullable(),
});

const noteInput = memberTextInput({ min: 0, max: WISH_NOTE_MAX_LENGTH });
const wishTextInput = memberTextInput({ max: WISH_TEXT_MAX_LENGTH });

export const wishlistAddRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), itemId: z.string().trim().min(1).max(64), note: noteInput.optional() }).strict(),
  z
    .object({ kind: z.literal('text'), text: wishTextInput, note: noteInput.optional() })
    .strict(),
]);
export const wishlistAddResponse = wishlistMineResponse;

export const wishlistUpdateRequest = z
  .object({
    wishId: z.string().trim().min(1).max(64),
    /** Only for text wishes. */
    text: wishTextInput.optional(),
    /** Empty string or null clears the note. */
    note: noteInput.nullable().optional(),
  })
  .strict()
  .refine((input) => input.text !== undefined || input.note !== undefined, { message: '请填写要修改的内容' });
export const wishlistUpdateResponse = wishlistMineResponse;

export const wishlistRemoveRequest = z.object({ wishId: z.string().trim().min(1).max(64) }).strict();
export const wishlistRemoveResponse = wishlistMineResponse;

export const wishlistReorderRequest = z
  .object({
    /** Every wish id, in the new order. */
    wishIds: z.array(z.string().trim().min(1).max(64)).max(WISHLIST_MAX_WISHES),
  })
  .strict()
  .refine((input) => new Set(input.wishIds).size === input.wishIds.length, { message: '心愿重复', path: ['wishIds'] });
export const wishlistReorderResponse = wishlistMineResponse;

export const wishlistShareRequest = z.object({ shared: z.boolean() }).strict();
export const wishlistShareResponse = wishlistMineResponse;

export const wishlistPosterRequest = z.object({}).strict();
export const wishlistPosterResponse = posterSchema;

export const wishlistViewRequest = z.object({ shareId: shareIdSchema }).strict();
export const wishlistViewResponse = z.object({
  owner: personSchema,
  /** Month and day only, never the year. */
  birthday: z.object({ month: z.number().int(), day: z.number().int() }).nullable(),
  daysUntilBirthday: z.number().int().nullable(),
  wishes: z.array(wishSchema),
  viewer: z.object({ loggedIn: z.boolean(), isOwner: z.boolean() }),
  /** The owner's referral code, passed to auth.login by a friend who is not yet a member. */
  referralCode: z.string(),
});

export const wishlistGiftRequest = z
  .object({
    shareId: shareIdSchema,
    wishId: z.string().trim().min(1).max(64),
    /** Generated once per tap on 送给TA; a retry with the same key returns the same order. */
    idempotencyKey: z.string().trim().min(8).max(64),
  })
  .strict();
export const wishlistGiftResponse = z.object({
  orderId: z.string(),
  /** Cash to pay, in fen. */
  amountFen: z.number().int(),
  /** The mall order (its status shows 待支付 / 兑换成功 …; gift.received is false for the giver). */
  order: orderSchema,
  /** Pass to Taro.requestPayment; null when nothing is left to pay. */
  payment: paymentRequestSchema.nullable(),
});

export type Wish = z.infer<typeof wishSchema>;
export type WishlistMineResponse = z.infer<typeof wishlistMineResponse>;
export type WishlistAddRequest = z.infer<typeof wishlistAddRequest>;
export type WishlistViewResponse = z.infer<typeof wishlistViewResponse>;
export type WishlistGiftResponse = z.infer<typeof wishlistGiftResponse>;
