import type { WishlistMineResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { conflict } from '../errors/AppError';
import { loadWishlist, presentMine } from './wishlistMine';
import { WishlistModel } from './Wishlist.model';

/** The new order must name every wish exactly once; a concurrent change (version moved) is a 409. */
export async function reorderWishes(memberId: string, wishIds: string[], now: Date): Promise<WishlistMineResponse> {
  const wishlist = await loadWishlist(memberId, now);
  const byId = new Map(wishlist.wishes.map((wish) => [wish._id.toHexString(), wish]));
  if (wishIds.length !== byId.size || wishIds.some((id) => !byId.has(id))) throw conflict('WISHLIST_ORDER_MISMATCH');
  const reordered = wishIds.map((id) => byId.get(id)!);
  const updated = await WishlistModel.findOneAndUpdate(
    { _id: new Types.ObjectId(memberId), version: wishlist.version },
    { $set: { wishes: reordered, updatedAt: now }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw conflict('WISHLIST_ORDER_MISMATCH');
  return presentMine(updated, now);
}
