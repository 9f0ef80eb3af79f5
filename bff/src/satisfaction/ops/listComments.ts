import type { OpsSatisfactionCommentsRequest, SatisfactionComment } from '@cakeday/shared';
import { NpsAnswerModel } from '../NpsAnswer.model';
import { RatingModel } from '../Rating.model';
import { presentComment, type CommentDoc } from './presentComment';

/**
 * The latest published comments of ratings and NPS answers, newest first: the newest `limit` of each collection,
 * merged. Held (reviewing) and hidden comments never leave the BFF here.
 */
export async function listComments(input: OpsSatisfactionCommentsRequest): Promise<{ items: SatisfactionComment[] }> {
  const filter = { commentState: 'published' as const, ...(input.sentiment ? { 'sentiment.class': input.sentiment } : {}) };
  const [ratings, answers] = await Promise.all([
    RatingModel.find(filter).sort({ createdAt: -1, _id: -1 }).limit(input.limit).lean(),
    NpsAnswerModel.find(filter).sort({ createdAt: -1, _id: -1 }).limit(input.limit).lean(),
  ]);
  const merged: CommentDoc[] = [...ratings.map((doc) => ({ kind: 'rating' as const, doc })), ...answers.map((doc) => ({ kind: 'nps' as const, doc }))];
  merged.sort((a, b) => b.doc.createdAt.getTime() - a.doc.createdAt.getTime() || b.doc._id.toHexString().localeCompare(a.doc._id.toHexString()));
  return { items: merged.slice(0, input.limit).map(presentComment) };
}
