import { visibleTo } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { notFound } from '../errors/AppError';
import { CommunityPostModel, type CommunityPost } from './CommunityPost.model';

/** The post if the viewer may see it (published, or their own); 404 otherwise, never a hint that it exists. */
export async function loadVisiblePost(postId: string, viewerId: string | null): Promise<CommunityPost> {
  if (!isValidObjectId(postId)) throw notFound();
  const post = await CommunityPostModel.findById(new Types.ObjectId(postId)).lean();
  if (!post || !visibleTo(post.state, viewerId !== null && post.authorId.equals(viewerId))) throw notFound();
  return post;
}

/** A post others can react to (like, comment, report): published only. */
export async function loadPublishedPost(postId: string): Promise<CommunityPost> {
  if (!isValidObjectId(postId)) throw notFound();
  const post = await CommunityPostModel.findOne({ _id: new Types.ObjectId(postId), state: 'published' }).lean();
  if (!post) throw notFound();
  return post;
}
