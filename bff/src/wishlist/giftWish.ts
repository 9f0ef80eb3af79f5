import type { WishlistGiftResponse } from '@cakeday/shared';
import { conflict, forbidden, notFound } from '../errors/AppError';
import type { AppDeps } from '../http/deps';
import { placeGiftOrder } from './giftOrderPort';
import { presentWishes } from './presentWishlist';
import { sharedWishlist } from './viewWishlist';

/** A friend gifts a mall item from a shared wishlist: they pay its cash price, the owner receives it. */
export async function giftWish(
  input: { shareId: string; wishId: string; idempotencyKey: string },
  buyerMemberId: string,
  deps: AppDeps,
): Promise<WishlistGiftResponse> {
  const wishlist = await sharedWishlist(input.shareId);
  const ownerId = wishlist._id.toHexString();
  if (ownerId === buyerMemberId) throw forbidden('WISH_GIFT_SELF');
  const wish = (await presentWishes(wishlist, 'friend')).find((candidate) => candidate.id === input.wishId);
  if (!wish) throw notFound();
  if (wish.fulfilled) throw conflict('WISH_ALREADY_FULFILLED');
  if (!wish.giftable || !wish.item) throw conflict('WISH_NOT_GIFTABLE');
  return placeGiftOrder(
    { buyerMemberId, itemId: wish.item.itemId, idempotencyKey: input.idempotencyKey, recipientMemberId: ownerId, giftRef: wish.id },
    deps,
  );
}
