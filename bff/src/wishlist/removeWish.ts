import type { WishlistMineResponse } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { notFound } from '../errors/AppError';
import { presentMine } from './wishlistMine';
import { WishlistModel } from './Wishlist.model';

export async function removeWish(memberId: string, wishId: string, now: Date): Promise<WishlistMineResponse> {
  if (!isValidObjectId(wishId)) throw notFound();
  const id = new Types.ObjectId(wishId);
  const updated = await WishlistModel.findOneAndUpdate(
    { _id: new Types.ObjectId(memberId), 'wishes._id': id },
    { $pull: { wishes: { _id: id } }, $inc: { version: 1 }, $set: { updatedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw notFound();
  return presentMine(updated, now);
}
