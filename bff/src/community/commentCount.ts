import { CommunityCommentModel, type CommunityComment } from './CommunityComment.model';
import { applyPostCounter } from './postCounters';

/** Counts a comment's last move in or out of `published` on its post (once, by its key), then clears the mark. */
export async function settleCommentCount(comment: CommunityComment): Promise<void> {
  const delta = comment.state === 'published' ? 1 : -1;
  await applyPostCounter(comment.postId, { comments: delta }, `${comment._id.toHexString()}:c${comment.countSeq}`);
  await CommunityCommentModel.updateOne({ _id: comment._id, countSeq: comment.countSeq, countPending: true }, { $set: { countPending: false } });
}
