import type { WishlistMineResponse } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { notFound, unprocessable } from '../errors/AppError';
import type { Principal } from '../http/context';
import type { TextCheckContext } from '../moderation/textContext';
import { checkWishText } from './checkWishTexts';
import { presentMine } from './wishlistMine';
import { WishlistModel } from './Wishlist.model';

/** Changes a wish's text or note; a new text is checked as when added (see addWish). */
export async function updateWish(
  principal: Principal,
  input: { wishId: string; text?: string; note?: string | null },
  context: TextCheckContext,
): Promise<WishlistMineResponse> {
  const { memberId } = principal;
  const { now } = context;
  if (!isValidObjectId(input.wishId)) throw notFound();
  const wishId = new Types.ObjectId(input.wishId);
  const current = await WishlistModel.findById(memberId).lean();
  const wish = current?.wishes.find((candidate) => candidate._id.equals(wishId));
  if (!wish) throw notFound();
  if (input.text !== undefined && wish.kind !== 'text') throw unprocessable('WISH_TEXT_NOT_EDITABLE');
  const set: Record<string, unknown> = { updatedAt: now };
  if (input.text !== undefined) {
    const checked = await checkWishText(principal, input.text, context);
    set['wishes.$.text'] = checked.content;
    set['wishes.$.textReview'] = checked.held;
  }
  if (input.note !== undefined) {
    const checked = input.note ? await checkWishText(principal, input.note, context) : null;
    set['wishes.$.note'] = checked?.content ?? null;
    set['wishes.$.noteReview'] = checked?.held ?? null;
  }
  const updated = await WishlistModel.findOneAndUpdate(
    { _id: new Types.ObjectId(memberId), 'wishes._id': wishId },
    { $set: set, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw notFound();
  return presentMine(updated, now);
}
