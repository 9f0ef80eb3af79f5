import { CommunityCommentModel } from './CommunityComment.model';
import { CommunityLikeModel } from './CommunityLike.model';
import { settleCommentCount } from './commentCount';
import { settleLike } from './likePost';

/** A flip or move still uncounted this long after it was written belongs to a request that died. */
export const COUNTER_REPAIR_GRACE_MS = 60_000;

/**
 * The repair path of like and comment counts: counts what a crash left uncounted, by the same keys (so a flip that
 * was counted before the crash is not counted twice).
 */
export async function repairCommunityCounters(now: Date, batchSize = 200): Promise<{ likes: number; comments: number }> {
  const before = new Date(now.getTime() - COUNTER_REPAIR_GRACE_MS);
  const likes = await CommunityLikeModel.find({ pending: true, updatedAt: { $lte: before } }).sort({ updatedAt: 1 }).limit(batchSize).lean();
  for (const like of likes) await settleLike(like);
  const comments = await CommunityCommentModel.find({ countPending: true, updatedAt: { $lte: before } }).sort({ updatedAt: 1 }).limit(batchSize).lean();
  for (const comment of comments) await settleCommentCount(comment);
  return { likes: likes.length, comments: comments.length };
}
