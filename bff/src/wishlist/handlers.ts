import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { textCheckContext } from '../moderation/textContext';
import { addWish } from './addWish';
import { giftWish } from './giftWish';
import { removeWish } from './removeWish';
import { reorderWishes } from './reorderWishes';
import { setWishlistSharing, wishlistPoster } from './shareWishlist';
import { updateWish } from './updateWish';
import { viewWishlist } from './viewWishlist';
import { wishlistMine } from './wishlistMine';

type WishlistRoute =
  | 'wishlist.mine'
  | 'wishlist.add'
  | 'wishlist.update'
  | 'wishlist.remove'
  | 'wishlist.reorder'
  | 'wishlist.share'
  | 'wishlist.poster'
  | 'wishlist.view'
  | 'wishlist.gift';

export const wishlistHandlers: Pick<RouteHandlers, WishlistRoute> = {
  'wishlist.mine': async (_input, { deps, principal }) => wishlistMine(requireMember(principal).memberId, deps.now()),
  'wishlist.add': async (input, { deps, principal }) => addWish(requireMember(principal), input, textCheckContext(deps)),
  'wishlist.update': async (input, { deps, principal }) => updateWish(requireMember(principal), input, textCheckContext(deps)),
  'wishlist.remove': async (input, { deps, principal }) => removeWish(requireMember(principal).memberId, input.wishId, deps.now()),
  'wishlist.reorder': async (input, { deps, principal }) => reorderWishes(requireMember(principal).memberId, input.wishIds, deps.now()),
  'wishlist.share': async (input, { deps, principal }) => setWishlistSharing(requireMember(principal).memberId, input.shared, deps.now()),
  'wishlist.poster': async (_input, { deps, principal }) => wishlistPoster(requireMember(principal).memberId, deps),
  'wishlist.view': async (input, { deps, principal }) => viewWishlist(input.shareId, principal?.memberId, deps.now()),
  'wishlist.gift': async (input, { deps, principal }) => giftWish(input, requireMember(principal).memberId, deps),
};
