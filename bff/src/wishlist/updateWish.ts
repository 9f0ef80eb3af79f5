import type { WishlistMineResponse } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { notFound, unprocessable } from '../errors/AppError';
import { presentMine } from './wishlistMine';
import { WishlistModel } from './Wishlist.model';

export async function updateWish(
  memberId: string,
  input: { wishId: string; text?: string; note?: string | null },
  now: Date,
): Promise<WishlistMineResponse> {
  if (!isValidObjectId(input.wishId)) throw notFound();
  const wishId = new Types.ObjectId(input.wishId);
  const current = await WishlistModel.findById(memberId).lean();
  const wish = current?.wishes.find((candidate) => candidate._id.equals(wishId));
  if (!wish) throw notFound();
  if (input.text !== undefined && wish.kind !== 'text') throw unprocessable('WISH_TEXT_NOT_EDITABLE');
  const set: Record<string, unknown> = { updatedAt: now };
  if (input.text !== undefined) set['wishes.$.text'] = input.text;
  if (input.note !== undefined) set['wishes.$.note'] = input.note ? input.note : null;
  const updated = await WishlistModel.findOneAndUpdate(
    { _id: new Types.ObjectId(memberId), 'wishes._id': wishId },
    { $set: set, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw notFound();
  return presentMine(updated, now);
}
