import { WISHLIST_MAX_WISHES, type WishlistMineResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { currentShareLink, presentShareInfo } from '../referral/shareLinks';
import { presentWishes } from './presentWishlist';
import { WishlistModel, type Wishlist } from './Wishlist.model';

export const WISHLIST_SHARE_TITLE = '我的生日心愿清单，来看看吧';

export async function loadWishlist(memberId: string, now: Date): Promise<Wishlist> {
  const stored = await WishlistModel.findById(memberId).lean();
  return stored ?? { _id: new Types.ObjectId(memberId), wishes: [], shared: false, version: 0, updatedAt: now };
}

/** Makes sure the member's wishlist document exists, so later changes are single conditional updates. */
export async function ensureWishlist(memberId: string, now: Date): Promise<void> {
  await WishlistModel.updateOne(
    { _id: new Types.ObjectId(memberId) },
    { $setOnInsert: { wishes: [], shared: false, version: 0, updatedAt: now } },
    { upsert: true },
  );
}

export async function presentMine(wishlist: Wishlist, now: Date): Promise<WishlistMineResponse> {
  const memberId = wishlist._id.toHexString();
  const share = wishlist.shared ? await presentShareInfo(await currentShareLink(memberId, 'wishlist', memberId, now), WISHLIST_SHARE_TITLE, now) : null;
  return { wishes: await presentWishes(wishlist, 'owner'), maxWishes: WISHLIST_MAX_WISHES, shared: wishlist.shared, share };
}

export async function wishlistMine(memberId: string, now: Date): Promise<WishlistMineResponse> {
  return presentMine(await loadWishlist(memberId, now), now);
}
