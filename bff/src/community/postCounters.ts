import { hotScore } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { CommunityPostModel, type CommunityPost } from './CommunityPost.model';

/** How many operation keys a post remembers: far more than the changes that can be in flight at once. */
const REMEMBERED_OPS = 200;

/**
 * Changes a post's like or comment count once per `opKey` (a retry or a repair after a crash adds nothing), then
 * brings its 热门 score up to date. The score is written only if the counts are still those it was computed from,
 * so whichever change came last writes it.
 */
export async function applyPostCounter(
  postId: Types.ObjectId,
  delta: { likes?: number; comments?: number },
  opKey: string,
): Promise<CommunityPost | null> {
  const counted = await CommunityPostModel.findOneAndUpdate(
    { _id: postId, counterOps: { $ne: opKey } },
    {
      $inc: { likeCount: delta.likes ?? 0, commentCount: delta.comments ?? 0 },
      $push: { counterOps: { $each: [opKey], $slice: -REMEMBERED_OPS } },
    },
    { returnDocument: 'after' },
  ).lean();
  if (!counted) return CommunityPostModel.findById(postId).lean();
  const score = hotScore({ likes: counted.likeCount, comments: counted.commentCount }, counted.createdAt);
  await CommunityPostModel.updateOne(
    { _id: postId, likeCount: counted.likeCount, commentCount: counted.commentCount },
    { $set: { hotScore: score } },
  );
  return counted;
}
