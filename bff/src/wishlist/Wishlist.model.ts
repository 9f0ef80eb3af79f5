import { model, Schema, type Types } from 'mongoose';
import { WISH_KINDS } from '@cakeday/shared';
import { heldTextSchema, type HeldText } from '../moderation/HeldText';

export interface StoredWish {
  _id: Types.ObjectId;
  kind: (typeof WISH_KINDS)[number];
  itemId: Types.ObjectId | null;
  text: string | null;
  note: string | null;
  /** Set while the text / the note waits for a content review: friends do not see it meanwhile. */
  textReview?: HeldText | null;
  noteReview?: HeldText | null;
  createdAt: Date;
}

/**
 * A member's wishlist as one document (`_id` = member id): the 10-wish cap and the order are then changed by
 * single conditional updates. Fulfilment is read from the gift orders (giftRef = wish id), not stored here.
 */
export interface Wishlist {
  _id: Types.ObjectId;
  wishes: StoredWish[];
  shared: boolean;
  /** Bumped by every change: reorder is a compare-and-set on it. */
  version: number;
  updatedAt: Date;
}

const wishSchema = new Schema<StoredWish>({
  kind: { type: String, enum: WISH_KINDS, required: true },
  itemId: { type: Schema.Types.ObjectId, default: null },
  text: { type: String, default: null },
  note: { type: String, default: null },
  textReview: { type: heldTextSchema, default: null },
  noteReview: { type: heldTextSchema, default: null },
  createdAt: { type: Date, required: true },
});

const wishlistSchema = new Schema<Wishlist>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    wishes: { type: [wishSchema], default: [] },
    shared: { type: Boolean, default: false },
    version: { type: Number, default: 0 },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'wishlists', versionKey: false },
);

export const WishlistModel = model<Wishlist>('Wishlist', wishlistSchema);
