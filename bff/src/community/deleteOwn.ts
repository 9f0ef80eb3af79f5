import { isValidObjectId, Types } from 'mongoose';
import { notFound } from '../errors/AppError';
import { CommunityCommentModel } from './CommunityComment.model';
import { CommunityPostModel } from './CommunityPost.model';
import { transitionComment, transitionPost } from './transitionContent';

const DELETABLE = ['pending', 'in_review', 'published', 'rejected', 'removed'] as const;

/** The author deletes their own post: gone for everyone (and its photos stop being served). Again: still 200. */
export async function deleteOwnPost(memberId: string, postId: string, now: Date): Promise<void> {
  if (!isValidObjectId(postId)) throw notFound();
  const post = await CommunityPostModel.findOne({ _id: new Types.ObjectId(postId), authorId: new Types.ObjectId(memberId) }, { state: 1 }).lean();
  if (!post) throw notFound();
  await transitionPost(post._id, { from: DELETABLE, to: 'deleted', now, reason: '作者删除', set: { verdictDueAt: null } });
}

/** The author deletes their own comment; it leaves its post's count once. */
export async function deleteOwnComment(memberId: string, commentId: string, now: Date): Promise<void> {
  if (!isValidObjectId(commentId)) throw notFound();
  const comment = await CommunityCommentModel.findOne({ _id: new Types.ObjectId(commentId), authorId: new Types.ObjectId(memberId) }, { state: 1 }).lean();
  if (!comment) throw notFound();
  await transitionComment(comment._id, { from: DELETABLE, to: 'deleted', now, reason: '作者删除' });
}
