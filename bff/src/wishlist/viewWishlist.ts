import { daysUntilBirthday, type WishlistViewResponse } from '@cakeday/shared';
import { notFound } from '../errors/AppError';
import { MemberModel } from '../members/Member.model';
import { PERSON_FIELDS, presentPerson } from '../referral/presentPerson';
import { referralCodeOf } from '../referral/referralCodes';
import { findShareLink } from '../referral/shareLinks';
import { presentWishes } from './presentWishlist';
import { WishlistModel, type Wishlist } from './Wishlist.model';

/** The shared wishlist behind a share id; 404 when unknown or no longer shared. */
export async function sharedWishlist(shareId: string): Promise<Wishlist> {
  const share = await findShareLink(shareId, 'wishlist');
  if (!share) throw notFound();
  const wishlist = await WishlistModel.findOne({ _id: share.memberId, shared: true }).lean();
  if (!wishlist) throw notFound();
  return wishlist;
}

/** A friend's view: nickname, avatar, wishes and the birthday's month and day — never the year or the phone. */
export async function viewWishlist(shareId: string, viewerId: string | undefined, now: Date): Promise<WishlistViewResponse> {
  const wishlist = await sharedWishlist(shareId);
  const owner = await MemberModel.findOne({ _id: wishlist._id, status: 'active' }, { ...PERSON_FIELDS, birthday: 1 }).lean();
  if (!owner) throw notFound();
  const ownerId = owner._id.toHexString();
  const birthday = owner.birthday ? { month: owner.birthday.month, day: owner.birthday.day } : null;
  const isOwner = viewerId === ownerId;
  return {
    owner: presentPerson(owner),
    birthday,
    daysUntilBirthday: birthday ? daysUntilBirthday(birthday, now) : null,
    wishes: await presentWishes(wishlist, isOwner ? 'owner' : 'friend'),
    viewer: { loggedIn: viewerId !== undefined, isOwner },
    referralCode: await referralCodeOf(ownerId, now),
  };
}
