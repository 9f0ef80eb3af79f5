import type { RatedSubject, SatisfactionRating } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict, notFound } from '../errors/AppError';
import type { Principal } from '../http/context';
import type { TextCheckContext } from '../moderation/textContext';
import { MallOrderModel } from '../orders/MallOrder.model';
import { WriteoffRecordModel } from '../writeoff/WriteoffRecord.model';
import { moderateComment } from './moderateComment';
import { presentRating } from './presentRating';
import { RatingModel, ratingKey, type Rating } from './Rating.model';
import { recordRatingSubmitted } from './satisfactionEvents';

type Subject = { type: RatedSubject; id: string };

/** Whether the member may rate it: their own order once fulfilled, their own write-off. 404 when it is not theirs. */
export async function rateable(memberId: string, subject: Subject): Promise<boolean> {
  const owner = new Types.ObjectId(memberId);
  if (subject.type === 'order') {
    const order = await MallOrderModel.findOne({ _id: new Types.ObjectId(subject.id), buyerMemberId: owner }, { status: 1 }).lean();
    if (!order) throw notFound();
    return order.status === 'fulfilled';
  }
  if (!(await WriteoffRecordModel.exists({ _id: new Types.ObjectId(subject.id), memberId: owner }))) throw notFound();
  return true;
}

/** A retry of the same rating answers it (and records its event, which a crash may have left out); another is 409. */
async function repeated(stored: Rating, input: { stars: number; comment: string }, now: Date): Promise<SatisfactionRating> {
  if (stored.stars !== input.stars || (stored.comment !== input.comment && stored.commentState !== 'none')) throw conflict('SATISFACTION_ALREADY_RATED');
  await recordRatingSubmitted(stored, now);
  return presentRating(stored);
}

/**
 * satisfaction.rate: 1–5 stars and a comment on the member's fulfilled order or write-off, once per subject (the
 * unique key). The comment is checked like community text and scored by our lexicon; the rating's event feeds the
 * satisfaction dashboard.
 */
export async function rateSubject(principal: Principal, input: { subject: Subject; stars: number; comment: string }, context: TextCheckContext): Promise<SatisfactionRating> {
  const { now } = context;
  const key = ratingKey(principal.memberId, input.subject);
  const existing = await RatingModel.findOne({ key }).lean();
  if (existing) return repeated(existing, input, now);
  if (!(await rateable(principal.memberId, input.subject))) throw conflict('SATISFACTION_NOT_RATEABLE');
  const checked = await moderateComment(principal.openid, input.comment, context);
  let rating: Rating;
  try {
    rating = (await RatingModel.create({ key, memberId: new Types.ObjectId(principal.memberId), subject: input.subject, stars: input.stars, ...checked, createdAt: now })).toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const raced = await RatingModel.findOne({ key }).lean();
    if (!raced) throw conflict();
    return repeated(raced, { stars: input.stars, comment: checked.comment }, now);
  }
  await recordRatingSubmitted(rating, now);
  return presentRating(rating);
}

export async function ratingOf(memberId: string, subject: Subject): Promise<{ rating: SatisfactionRating | null; canRate: boolean }> {
  const canRate = await rateable(memberId, subject);
  const rating = await RatingModel.findOne({ key: ratingKey(memberId, subject) }).lean();
  return { rating: rating ? presentRating(rating) : null, canRate: canRate && !rating };
}
