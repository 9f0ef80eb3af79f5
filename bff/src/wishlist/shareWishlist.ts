import type { Poster, WishlistMineResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { conflict } from '../errors/AppError';
import type { AppDeps } from '../http/deps';
import { sharePoster } from '../referral/sharePoster';
import { ensureWishlist, presentMine, wishlistMine } from './wishlistMine';
import { WishlistModel } from './Wishlist.model';

/** Private by default; sharing turns the friend's view on (and off again: old share ids then show nothing). */
export async function setWishlistSharing(memberId: string, shared: boolean, now: Date): Promise<WishlistMineResponse> {
  await ensureWishlist(memberId, now);
  const updated = await WishlistModel.findOneAndUpdate(
    { _id: new Types.ObjectId(memberId) },
    { $set: { shared, updatedAt: now }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw conflict();
  return presentMine(updated, now);
}

export async function wishlistPoster(memberId: string, deps: AppDeps): Promise<Poster> {
  const mine = await wishlistMine(memberId, deps.now());
  if (!mine.share) throw conflict('WISHLIST_NOT_SHARED');
  return sharePoster(deps.wechat.wxacode, mine.share);
}
